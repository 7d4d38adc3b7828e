import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type FrameworkDefinition, frameworkDefinition } from '../../../shared/dx/framework-format.js';

/** The frameworks shipped as reference data, loaded (as published versions) at every start. */
export const bundledFrameworkFiles = ['dbi-sme.json', 'eu-dma-sme.json'] as const;

export function readBundledFramework(file: (typeof bundledFrameworkFiles)[number]): FrameworkDefinition {
  const raw = JSON.parse(readFileSync(fileURLToPath(new URL(`./data/${file}`, import.meta.url)), 'utf8')) as unknown;
  return frameworkDefinition.parse(raw);
}
