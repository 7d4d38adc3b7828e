import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const useMyWork = () =>
  useQuery({
    queryKey: ['my-work'],
    queryFn: ({ signal }) => api.get('/api/my-work', { signal }),
  });
