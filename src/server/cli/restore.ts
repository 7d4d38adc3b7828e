import { loadConfig } from '../config.js';
import { parseArgs } from './args.js';
import { runRestore } from './backup-commands.js';
import { cliMain } from './cli-main.js';

/**
 * npm run restore -- FILE [--force]
 * Restores FILE (written by npm run backup) into the database the app uses. The target must be empty unless --force.
 * See docs/backup.md.
 */
cliMain(async () => {
  const a = parseArgs(process.argv.slice(2));
  const [file] = a._;
  const unknown = Object.keys(a).filter((k) => k !== '_' && k !== 'force');
  if (!file || a._.length > 1 || unknown.length || (a.force !== undefined && a.force !== 'true')) {
    throw new Error('usage: npm run restore -- FILE [--force]');
  }
  const started = Date.now();
  const r = await runRestore(loadConfig(), file, { force: a.force === 'true' });
  console.log(
    `restored ${file} (${r.manifest.engine}, made ${r.manifest.createdAt} by steerboard ${r.manifest.appVersion})` +
      (r.migrationsApplied.length ? `; migrations applied since: ${r.migrationsApplied.join(', ')}` : '') +
      `; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (r.movedAside)
    console.log(`the previous database was moved to ${r.movedAside}: delete it once you have checked the restore`);
});
