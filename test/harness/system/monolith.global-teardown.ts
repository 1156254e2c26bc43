import '../alias-resolution';
import { tearDownTarget } from './target-lifecycle';

/** jest globalTeardown of the `system:monolith` project. */
export default (): Promise<void> => tearDownTarget('monolith');
