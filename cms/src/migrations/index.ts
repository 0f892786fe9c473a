import * as migration_20261127_151211_initial from './20261127_151211_initial';
import * as migration_20261127_154107_issue7_search from './20261127_154107_issue7_search';
import * as migration_20261127_154303_issue4_publishing from './20261127_154303_issue4_publishing';

export const migrations = [
  {
    up: migration_20261127_151211_initial.up,
    down: migration_20261127_151211_initial.down,
    name: '20261127_151211_initial',
  },
  {
    up: migration_20261127_154107_issue7_search.up,
    down: migration_20261127_154107_issue7_search.down,
    name: '20261127_154107_issue7_search',
  },
  {
    up: migration_20261127_154303_issue4_publishing.up,
    down: migration_20261127_154303_issue4_publishing.down,
    name: '20261127_154303_issue4_publishing'
  },
];
