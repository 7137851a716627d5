import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Max, MaxLength, Min, MinLength, Validate, ValidateNested } from 'class-validator';
import { IanaTimeZone } from '../../common/iana-time-zone.validator.js';

export class RoomInput {
  @ApiProperty({ example: 'Salle du fournil' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name: string;

  @ApiProperty({ example: 24 })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity: number;
}

export class CreateSiteDto {
  @ApiProperty({ example: 'Boitron' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: '2 rue du Lavoir, 72500 Boitron' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  address: string;

  @ApiProperty({ example: 'Europe/Paris' })
  @Validate(IanaTimeZone)
  timeZone: string;

  @ApiPropertyOptional({ type: [RoomInput] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RoomInput)
  rooms: RoomInput[] = [];
}

export class UpdateSiteDto extends PartialType(PickType(CreateSiteDto, ['name', 'address', 'timeZone'] as const)) {}

export class UpdateRoomDto extends PartialType(RoomInput) {}

export class RoomDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() capacity: number;
}

export class SiteDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: [RoomDto] }) rooms: RoomDto[];
}
