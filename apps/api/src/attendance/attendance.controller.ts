import { Body, Controller, Get, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { AttendanceExportService } from './attendance-export.service.js';
import { AttendanceService } from './attendance.service.js';
import { AttendanceDayDto, AttendanceDayQueryDto, AttendanceExportQueryDto, MarkAttendanceDto, MarkAttendanceResultDto } from './dto/attendance.dto.js';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('cohorts/:cohortId')
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly exports: AttendanceExportService,
  ) {}

  @Post('attendance')
  @ApiCreatedResponse({ type: MarkAttendanceResultDto, description: 'Facilitators and admins: learners marked for one on-site half-day' })
  mark(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Body() body: MarkAttendanceDto): Promise<MarkAttendanceResultDto> {
    return this.attendance.mark(principal, cohortId, body);
  }

  @Get('attendance')
  @ApiOkResponse({ type: AttendanceDayDto, description: 'Facilitators and admins: current status per learner and half-day, and the corrections' })
  day(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Query() query: AttendanceDayQueryDto): Promise<AttendanceDayDto> {
    return this.attendance.day(principal, cohortId, query.date);
  }

  @Get('attendance.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'Facilitators and admins: the month for funders (UTF-8 with BOM, ";" separated, CRLF): on-site half-days, distance activity, totals',
    schema: { type: 'string' },
  })
  async export(
    @CurrentPrincipal() principal: Principal,
    @Param('cohortId', UuidPipe) cohortId: string,
    @Query() query: AttendanceExportQueryDto,
  ): Promise<StreamableFile> {
    const { filename, csv } = await this.exports.month(principal, cohortId, query.month);
    return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${filename}"` });
  }
}
