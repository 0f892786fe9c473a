import type { Endpoint } from 'payload';
import { internalOnly, isInternalRequest } from '../access/internal-request';
import { snapshotUnsupported, takeSnapshot } from '../backup/snapshot';
import { readCmsEnv } from '../env';
import { NO_STORE } from './payload-request';

/**
 * `POST /api/backup` (internal: loopback or `CMS_INTERNAL_TOKEN`): a consistent copy of the SQLite database taken
 * by this process, the one that owns the file (cms/src/backup/snapshot.ts). `npm run backup` packs it with the
 * files it names, with the same code as the nightly job (cms/src/backup/pack.ts), and deletes it. MongoDB is
 * refused: use the database's own tools.
 */
export const backupEndpoint: Endpoint = {
  path: '/backup',
  method: 'post',
  handler: async (req) => {
    const env = readCmsEnv();
    if (!isInternalRequest(req.headers, env.CMS_INTERNAL_TOKEN)) return internalOnly();
    const unsupported = snapshotUnsupported(req.payload, env);
    if (unsupported) return Response.json({ message: unsupported }, { status: 409, headers: NO_STORE });
    return Response.json(await takeSnapshot(req.payload, env), { headers: NO_STORE });
  },
};
