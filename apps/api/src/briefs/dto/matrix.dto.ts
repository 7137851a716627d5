import { ApiProperty } from '@nestjs/swagger';

export class EvidenceDto {
  @ApiProperty() briefId: string;
  @ApiProperty() briefTitle: string;
  @ApiProperty() reviewId: string;
  @ApiProperty() reviewedAt: string;
}

export class MatrixCellDto {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Highest validated level, 0 when not yet validated' }) level: number;
  @ApiProperty({ type: EvidenceDto, nullable: true }) evidence: EvidenceDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The highest level the briefs assigned to the cohort so far expect; null when none targets it' })
  expectedLevel: number | null;
}

export class LearnerMatrixDto {
  @ApiProperty() learnerId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [MatrixCellDto] }) competencies: MatrixCellDto[];
}

export class CohortMatrixDto {
  @ApiProperty({ type: [String] }) competencyCodes: string[];
  @ApiProperty({ type: [LearnerMatrixDto] }) learners: LearnerMatrixDto[];
}
