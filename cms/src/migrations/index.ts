import * as migration_20261127_151211_initial from './20261127_151211_initial';
import * as migration_20261127_155520_issue5_forms from './20261127_155520_issue5_forms';

export const migrations = [
  {
    up: migration_20261127_151211_initial.up,
    down: migration_20261127_151211_initial.down,
    name: '20261127_151211_initial',
  },
  {
    up: migration_20261127_155520_issue5_forms.up,
    down: migration_20261127_155520_issue5_forms.down,
    name: '20261127_155520_issue5_forms'
  },
];
