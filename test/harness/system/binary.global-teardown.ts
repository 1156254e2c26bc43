import '../alias-resolution';
import { tearDownTarget } from './target-lifecycle';

/** jest globalTeardown of the `system:binary` project. */
export default (): Promise<void> => tearDownTarget('binary');
