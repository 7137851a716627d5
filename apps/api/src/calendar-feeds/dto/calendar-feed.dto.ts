import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedDto {
  @ApiProperty({
    description: 'Secret subscription address (webcal/iCalendar). Shown only once: keep it private; creating a new one revokes this one.',
    example: 'https://fabrique.example.org/api/calendar/3q2-7wE_kP0eX1n8yVb4zR6tJm9sQ5cA2dF7gH1jK4L.ics',
  })
  url: string;
}
