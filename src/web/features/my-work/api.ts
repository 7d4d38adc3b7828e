import { useQuery } from '@tanstack/react-query';
import type { MyWork } from '../../../shared/contracts/my-work';
import { api } from '../../api/client';

export const useMyWork = () =>
  useQuery({
    queryKey: ['my-work'],
    queryFn: ({ signal }) => api<MyWork>('GET', '/api/my-work', undefined, { signal }),
  });
