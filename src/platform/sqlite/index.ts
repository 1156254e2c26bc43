export * from './data-dir';
export * from './sqlite-database';
export * from './sqlite-migration';
export * from './sqlite-migrator';
export * from './storage-error';
export * from './sqlite-backup';
