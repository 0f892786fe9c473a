import * as migration_20261127_161613_initial from './20261127_161613_initial';

export const migrations = [
  {
    up: migration_20261127_161613_initial.up,
    down: migration_20261127_161613_initial.down,
    name: '20261127_161613_initial'
  },
];
