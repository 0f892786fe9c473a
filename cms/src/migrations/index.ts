import * as migration_20261127_151211_initial from './20261127_151211_initial';

export const migrations = [
  {
    up: migration_20261127_151211_initial.up,
    down: migration_20261127_151211_initial.down,
    name: '20261127_151211_initial'
  },
];
