import { useCallback } from 'react';
import { roleCan, type Permission } from './permissions';
import { useSession } from './use-session';

/** `const can = useCan(); can('orgUnit.manage') && <Button…>` — UI hints only, the server decides. */
export function useCan(): (permission: Permission) => boolean {
  const role = useSession().user?.role;
  return useCallback((permission: Permission) => roleCan(role, permission), [role]);
}
