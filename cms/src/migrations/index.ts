import * as migration_20261127_162233_initial from './20261127_162233_initial';

export const migrations = [
  {
    up: migration_20261127_162233_initial.up,
    down: migration_20261127_162233_initial.down,
    name: '20261127_162233_initial'
  },
];
