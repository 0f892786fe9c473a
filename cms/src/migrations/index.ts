import * as migration_20261127_162233_initial from './20261127_162233_initial';
import * as migration_20261127_164223_issue6_appeal_workflow from './20261127_164223_issue6_appeal_workflow';
import * as migration_20261127_175259_issue6_handling from './20261127_175259_issue6_handling';
import * as migration_20261127_190749_issue5_6_gaps from './20261127_190749_issue5_6_gaps';
import * as migration_20261207_064236_issue14_stored_letter_dates from './20261207_064236_issue14_stored_letter_dates';
import * as migration_20261207_151438_sec_appeal_records from './20261207_151438_sec_appeal_records';
import * as migration_20261207_183304_std_site from './20261207_183304_std_site';
import * as migration_20261207_191841_std_notices from './20261207_191841_std_notices';
import * as migration_20261207_192136_ops_nightly_backups from './20261207_192136_ops_nightly_backups';
import * as migration_20261207_194414_std_register from './20261207_194414_std_register';
import * as migration_20261207_213013_outgoing_letters from './20261207_213013_outgoing_letters';
import * as migration_20261207_223824_release_0_3_channels from './20261207_223824_release_0_3_channels';
import * as migration_20261208_020525_release_0_3_voice from './20261208_020525_release_0_3_voice';

export const migrations = [
  {
    up: migration_20261127_162233_initial.up,
    down: migration_20261127_162233_initial.down,
    name: '20261127_162233_initial',
  },
  {
    up: migration_20261127_164223_issue6_appeal_workflow.up,
    down: migration_20261127_164223_issue6_appeal_workflow.down,
    name: '20261127_164223_issue6_appeal_workflow',
  },
  {
    up: migration_20261127_175259_issue6_handling.up,
    down: migration_20261127_175259_issue6_handling.down,
    name: '20261127_175259_issue6_handling',
  },
  {
    up: migration_20261127_190749_issue5_6_gaps.up,
    down: migration_20261127_190749_issue5_6_gaps.down,
    name: '20261127_190749_issue5_6_gaps',
  },
  {
    up: migration_20261207_064236_issue14_stored_letter_dates.up,
    down: migration_20261207_064236_issue14_stored_letter_dates.down,
    name: '20261207_064236_issue14_stored_letter_dates',
  },
  {
    up: migration_20261207_151438_sec_appeal_records.up,
    down: migration_20261207_151438_sec_appeal_records.down,
    name: '20261207_151438_sec_appeal_records',
  },
  {
    up: migration_20261207_183304_std_site.up,
    down: migration_20261207_183304_std_site.down,
    name: '20261207_183304_std_site',
  },
  {
    up: migration_20261207_191841_std_notices.up,
    down: migration_20261207_191841_std_notices.down,
    name: '20261207_191841_std_notices',
  },
  {
    up: migration_20261207_192136_ops_nightly_backups.up,
    down: migration_20261207_192136_ops_nightly_backups.down,
    name: '20261207_192136_ops_nightly_backups',
  },
  {
    up: migration_20261207_194414_std_register.up,
    down: migration_20261207_194414_std_register.down,
    name: '20261207_194414_std_register',
  },
  {
    up: migration_20261207_213013_outgoing_letters.up,
    down: migration_20261207_213013_outgoing_letters.down,
    name: '20261207_213013_outgoing_letters',
  },
  {
    up: migration_20261207_223824_release_0_3_channels.up,
    down: migration_20261207_223824_release_0_3_channels.down,
    name: '20261207_223824_release_0_3_channels',
  },
  {
    up: migration_20261208_020525_release_0_3_voice.up,
    down: migration_20261208_020525_release_0_3_voice.down,
    name: '20261208_020525_release_0_3_voice'
  },
];
