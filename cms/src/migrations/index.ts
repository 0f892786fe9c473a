import * as migration_20261127_151211_initial from './20261127_151211_initial';
import * as migration_20261127_153342_issue3_site_content from './20261127_153342_issue3_site_content';

export const migrations = [
  {
    up: migration_20261127_151211_initial.up,
    down: migration_20261127_151211_initial.down,
    name: '20261127_151211_initial',
  },
  {
    up: migration_20261127_153342_issue3_site_content.up,
    down: migration_20261127_153342_issue3_site_content.down,
    name: '20261127_153342_issue3_site_content'
  },
];
