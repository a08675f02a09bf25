import type { Viewer } from '../auth/token';
import type { Loaders } from './loaders';
import type { Services } from './services';

/** What every resolver and REST handler gets: who is calling, the services, per-request loaders. */
export interface Context {
  viewer: Viewer;
  services: Services;
  loaders: Loaders;
}
