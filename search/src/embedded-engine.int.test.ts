import { EmbeddedSearchEngine } from './embedded-engine';
import { engineContract } from '../test/engine-contract';

engineContract('embedded', { create: async () => new EmbeddedSearchEngine() });
