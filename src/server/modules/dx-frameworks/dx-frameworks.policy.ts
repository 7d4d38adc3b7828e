import type { Actor } from '../../http/context.js';
import { allows, authorize } from '../../http/authorize.js';

/** Published frameworks: every account (dxFramework.read); drafts: dxFramework.readDrafts; import/publish: dxFramework.manage. */
export const dxFrameworksPolicy = {
  canSeeDrafts: (actor: Actor) => allows(actor, 'dxFramework.readDrafts'),
  assertCanSeeDrafts: (actor: Actor) => authorize(actor, 'dxFramework.readDrafts'),
  assertCanManage: (actor: Actor) => authorize(actor, 'dxFramework.manage'),
};
