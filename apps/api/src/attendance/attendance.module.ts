import { Module } from '@nestjs/common';
import { AttendanceController } from './attendance.controller.js';
import { AttendanceExportService } from './attendance-export.service.js';
import { AttendanceLedger } from './attendance-ledger.js';
import { AttendanceRepository } from './attendance.repository.js';
import { AttendanceService } from './attendance.service.js';
import { CheckInCodeHasher } from './check-in-codes.js';
import { CheckInController } from './check-in.controller.js';
import { CheckInRateLimiter } from './check-in-rate-limiter.js';
import { CheckInService } from './check-in.service.js';
import { Clock } from './clock.js';
import { OnSiteDays } from './on-site-days.js';

/** On-site attendance per half-day, self check-in, and the monthly export for funders. */
@Module({
  controllers: [AttendanceController, CheckInController],
  providers: [
    AttendanceService,
    AttendanceExportService,
    CheckInService,
    AttendanceRepository,
    AttendanceLedger,
    OnSiteDays,
    CheckInCodeHasher,
    CheckInRateLimiter,
    Clock,
  ],
})
export class AttendanceModule {}
