import { ApiProperty } from '@nestjs/swagger';
import { SimilarThreadDto } from '../../peer-help/search/dto/search.dto.js';
import { PersonRefDto } from './ticket.dto.js';

export class TicketSuggestionsDto {
  @ApiProperty({ type: [SimilarThreadDto], description: 'At most 5 answered or solved threads like the question, those about the same brief first' })
  threads: SimilarThreadDto[];

  @ApiProperty({ type: [PersonRefDto], description: 'Learners of the cohort online now who validated the competency (at most 10); empty without competencyCode' })
  peers: PersonRefDto[];
}
