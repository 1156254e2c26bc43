import '../alias-resolution';
import { requireServices } from './require-services';

/** jest globalSetup of the projects that need Redis, RabbitMQ and FerretDB (see require-services). */
export default (): Promise<void> => requireServices();
