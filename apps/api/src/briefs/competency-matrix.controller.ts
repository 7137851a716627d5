import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CompetencyMatrixService } from './competency-matrix.service.js';
import { CohortMatrixDto, LearnerMatrixDto } from './dto/matrix.dto.js';

@ApiTags('competency matrix')
@ApiBearerAuth()
@Controller('cohorts/:cohortId/competency-matrix')
export class CompetencyMatrixController {
  constructor(private readonly matrix: CompetencyMatrixService) {}

  @Get()
  @ApiOkResponse({ type: CohortMatrixDto, description: 'Facilitators: learners × competencies, highest validated level' })
  cohort(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string): Promise<CohortMatrixDto> {
    return this.matrix.cohort(principal, cohortId);
  }

  @Get('csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Facilitators: the grid as CSV (UTF-8 with BOM, ";" separated)', schema: { type: 'string' } })
  async csv(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string): Promise<StreamableFile> {
    const { filename, csv } = await this.matrix.csv(principal, cohortId);
    return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${filename}"` });
  }

  @Get('learners/:learnerId')
  @ApiOkResponse({ type: LearnerMatrixDto, description: 'A learner’s own matrix, or any learner’s for facilitators, with evidence' })
  learner(
    @CurrentPrincipal() principal: Principal,
    @Param('cohortId', UuidPipe) cohortId: string,
    @Param('learnerId', UuidPipe) learnerId: string,
  ): Promise<LearnerMatrixDto> {
    return this.matrix.learner(principal, cohortId, learnerId);
  }
}
