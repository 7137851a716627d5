import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { COHORT_ROLES, type CohortRole } from '@fabrique/domain';

export class InviteMemberDto {
  @ApiProperty({ example: 'amina.diallo@exemple.fr' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: COHORT_ROLES })
  @IsIn(COHORT_ROLES, { message: 'role must be learner or facilitator' })
  role: CohortRole;

  @ApiPropertyOptional({ description: 'Name shown until the member chooses their own', example: 'Amina Diallo' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName?: string;
}

export class AcceptInvitationDto {
  @ApiProperty()
  @IsString()
  @Length(16, 256)
  token: string;

  @ApiProperty({ example: 'Amina Diallo' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters long' })
  @MaxLength(200)
  password: string;
}

export class InvitationOutcomeDto {
  @ApiProperty({
    enum: ['invited', 'member_added', 'unchanged'],
    description: 'invited: the person must accept the invitation; member_added: an existing account joined the cohort',
  })
  status: 'invited' | 'member_added' | 'unchanged';

  @ApiProperty() userId: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: COHORT_ROLES }) role: CohortRole;

  @ApiPropertyOptional({ description: 'Link to send to the person (e-mail delivery comes with reminders)' })
  acceptUrl?: string;

  @ApiPropertyOptional() expiresAt?: string;
}
