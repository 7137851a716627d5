import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token received at login or at the last refresh' })
  @IsString()
  @Length(16, 256)
  refreshToken: string;
}
