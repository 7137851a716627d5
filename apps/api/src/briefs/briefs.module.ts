import { Module } from '@nestjs/common';
import { BriefsController } from './briefs.controller.js';
import { BriefsRepository } from './briefs.repository.js';
import { BriefsService } from './briefs.service.js';
import { CompetencyMatrixController } from './competency-matrix.controller.js';
import { CompetencyMatrixService } from './competency-matrix.service.js';
import { SubmissionsController } from './submissions.controller.js';
import { SubmissionsService } from './submissions.service.js';

@Module({
  controllers: [BriefsController, SubmissionsController, CompetencyMatrixController],
  providers: [BriefsRepository, BriefsService, SubmissionsService, CompetencyMatrixService],
})
export class BriefsModule {}
