import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

const read = (signal?: AbortSignal) => api.get('/api/dashboard', { signal });
const dashboardQuery = queryOptions({ queryKey: ['dashboard'], queryFn: ({ signal }) => read(signal) });
/** The page's read, started with the session probe when its address is opened (routes.tsx, boot.ts). */
export const dashboardFirstRead = { queryKey: dashboardQuery.queryKey, read: () => read() };

export const useDashboard = () => useQuery(dashboardQuery);
