import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

const read = (signal?: AbortSignal) => api.get('/api/my-work', { signal });
const myWorkQuery = queryOptions({ queryKey: ['my-work'], queryFn: ({ signal }) => read(signal) });
/** The page's read, started with the session probe when its address is opened (routes.tsx, boot.ts). */
export const myWorkFirstRead = { queryKey: myWorkQuery.queryKey, read: () => read() };

export const useMyWork = () => useQuery(myWorkQuery);
