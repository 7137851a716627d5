import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class CompetencyInput {
  @ApiProperty({ example: 'C1' })
  @Matches(/^[A-Za-z0-9.-]{1,16}$/, { message: 'code must be 1 to 16 letters, digits, dots or dashes, like C1' })
  code: string;

  @ApiProperty({ example: 'Installer et configurer son environnement de travail' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class CreateTrackDto {
  @ApiProperty({ example: 'Développeur web et web mobile' })
  @IsString()
  @MinLength(1)
  @MaxLength(160)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ type: [CompetencyInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CompetencyInput)
  competencies: CompetencyInput[];
}

export class UpdateTrackDto extends PartialType(PickType(CreateTrackDto, ['name', 'description'] as const)) {}

export class UpdateCompetencyDto extends PartialType(PickType(CompetencyInput, ['title', 'description'] as const)) {}

export class CompetencyDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() position: number;
}

export class TrackDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [CompetencyDto] }) competencies: CompetencyDto[];
}
