import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../shared/contracts/dashboard';
import { api } from '../../api/client';

export const useDashboard = () =>
  useQuery({
    queryKey: ['dashboard'],
    queryFn: ({ signal }) => api<Dashboard>('GET', '/api/dashboard', undefined, { signal }),
  });
