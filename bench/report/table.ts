import type { Scenario } from '../scenarios/scenario';
import type { TargetName } from '../targets/bench-target';
import { isSuccess, type BenchReport } from './bench-report';

const format = (value: number, digits: number): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const cell = (value: number | undefined, baseline: number | undefined, digits: number, isBaseline: boolean): string => {
  if (value === undefined) return '—';
  const shown = format(value, digits);
  if (isBaseline || baseline === undefined || baseline === 0) return shown;
  return `${shown} (${format(value / baseline, 2)}×)`;
};

/**
 * The summary of one scenario as a Markdown table: one row per case and metric, one
 * column per target, each figure followed by its ratio to the baseline's.
 */
export const scenarioTable = (report: BenchReport, scenario: Scenario): string => {
  const byTarget = report.results[scenario.name] ?? {};
  const targets = report.targets;
  const caseNames = [...new Set(targets.flatMap((target) => {
    const outcome = byTarget[target];
    return isSuccess(outcome) ? outcome.cases.map((result) => result.case) : [];
  }))];
  const lookup = (target: TargetName, caseName: string, key: string): number | undefined => {
    const outcome = byTarget[target];
    return isSuccess(outcome) ? outcome.cases.find((result) => result.case === caseName)?.metrics[key] : undefined;
  };
  const lines = [`### ${scenario.title}`, '', `| case | metric | ${targets.join(' | ')} |`, `|---|---|${targets.map(() => '--:').join('|')}|`];
  for (const caseName of caseNames) {
    for (const metric of scenario.metrics) {
      const base = lookup('baseline', caseName, metric.key);
      const cells = targets.map((target) => cell(lookup(target, caseName, metric.key), base, metric.digits, target === 'baseline'));
      lines.push(`| ${caseName} | ${metric.label} | ${cells.join(' | ')} |`);
    }
  }
  for (const target of targets) {
    const outcome = byTarget[target];
    if (outcome === undefined && scenario.targets !== undefined && !scenario.targets.includes(target)) continue;
    if (!isSuccess(outcome)) lines.push('', `**${target} failed:** ${outcome?.error.split('\n')[0] ?? 'not run'}`);
  }
  return lines.join('\n');
};

/** CPU use (% of one core) per process while each case was measured. */
export const cpuTable = (report: BenchReport, scenario: Scenario): string => {
  const byTarget = report.results[scenario.name] ?? {};
  const rows: string[] = [];
  for (const target of report.targets) {
    const outcome = byTarget[target];
    if (!isSuccess(outcome)) continue;
    for (const result of outcome.cases) {
      if (result.cpu === undefined) continue;
      const usage = Object.entries(result.cpu).filter(([, percent]) => percent >= 1).map(([name, percent]) => `${name} ${Math.round(percent)}%`);
      const load = result.details?.generatorLoad;
      rows.push(`| ${target} | ${result.case} | ${usage.join(', ') || '—'} | ${typeof load === 'number' ? format(load, 2) : '—'} |`);
    }
  }
  if (rows.length === 0) return '';
  return ['', `CPU while measuring (% of one core; generator load = busiest load generator's event-loop utilisation):`, '',
    '| target | case | CPU per process | generator load |', '|---|---|---|--:|', ...rows].join('\n');
};
