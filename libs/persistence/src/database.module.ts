import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@fabrique/config';
import { dataSourceOptions } from './data-source.js';

/** TypeORM on PostgreSQL, from the validated configuration. Never synchronizes: migrations own the schema. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.DATABASE_URL), retryAttempts: 0 }),
    }),
  ],
})
export class DatabaseModule {}
