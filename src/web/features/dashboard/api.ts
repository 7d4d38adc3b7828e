import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const useDashboard = () =>
  useQuery({
    queryKey: ['dashboard'],
    queryFn: ({ signal }) => api.get('/api/dashboard', { signal }),
  });
