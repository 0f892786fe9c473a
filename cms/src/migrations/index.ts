import * as migration_20261127_162233_initial from './20261127_162233_initial';
import * as migration_20261127_164223_issue6_appeal_workflow from './20261127_164223_issue6_appeal_workflow';
import * as migration_20261127_175458_issue5_outbox_dispatch from './20261127_175458_issue5_outbox_dispatch';

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
    up: migration_20261127_175458_issue5_outbox_dispatch.up,
    down: migration_20261127_175458_issue5_outbox_dispatch.down,
    name: '20261127_175458_issue5_outbox_dispatch'
  },
];
