import { asFunction, asValue, createContainer, InjectionMode, type AwilixContainer, type NameAndRegistrationPair } from 'awilix';
import type { Logger, ReadinessCheck } from '@chatterroom/kernel';
import type { IpcPortClient} from '@chatterroom/platform/ipc';
import { IpcEventBus, IpcSignalBus, READINESS_PORT, ipcPort } from '@chatterroom/platform/ipc';
import { platformRegistrations } from './shared.registrations';
import type { GatewayCradle, OpenCradle } from './gateway-cradle';
import { SOCKET_PROCESS_PORTS } from './socket-process-ports';

/**
 * A socket process of the monolith (SOCKET_PROCESSES > 0): it holds WebSockets and HTTP
 * only; every port is the modules' process's, over the IPC channel `ipcPortClient`, and chat
 * events and signals come from its in-process buses. Its readiness is the modules' process's.
 */
export const createSocketProcessContainer = async (logger: Logger, ipcPortClient: IpcPortClient): Promise<AwilixContainer<OpenCradle<GatewayCradle>>> => {
  const container = createContainer<OpenCradle<GatewayCradle>>({ injectionMode: InjectionMode.PROXY, strict: true });
  const ports = Object.fromEntries(SOCKET_PROCESS_PORTS.map((name) => [name, asValue(ipcPort(ipcPortClient, name))]));
  const checkNames = await ipcPortClient.call<string[]>(READINESS_PORT, 'names', []);
  const readinessChecks: ReadinessCheck[] = checkNames.map((name) => ({ name, probe: () => ipcPortClient.call<void>(READINESS_PORT, 'probe', [name]) }));
  container.register({
    ...platformRegistrations(logger),
    ...(ports as NameAndRegistrationPair<object>),
    ipcPortClient: asValue(ipcPortClient),
    eventBus: asFunction(({ logger: log }) => new IpcEventBus({ ipcPortClient, logger: log })).singleton().disposer((bus) => bus.close()),
    signalBus: asFunction(({ logger: log }) => new IpcSignalBus({ ipcPortClient, logger: log })).singleton().disposer((bus) => bus.close()),
    readinessChecks: asValue(readinessChecks),
  });
  return container;
};
