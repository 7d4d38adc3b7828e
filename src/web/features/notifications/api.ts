import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NotificationItem as Item,
  NotificationPreferencesInput,
  NotificationSend as Send,
} from '../../../shared/contracts/notifications';
import type { SendStatus } from '../../../shared/notifications';
import type { Wire } from '../../../shared/fields';
import { api } from '../../api/client';

export type NotificationItem = Wire<Item>;

/** The bell polls: a notice made by another person (or the hourly scan) shows within a minute. */
const POLL_MS = 60_000;

export const useNotifications = (q: { unread?: 'true'; limit: number; offset: number }, poll = false) =>
  useQuery({
    queryKey: ['notifications', q],
    queryFn: ({ signal }) => api.get('/api/notifications', { query: q, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: poll ? POLL_MS : false,
  });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post('/api/notifications/{id}/read', { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export const usePreferences = () =>
  useQuery({
    queryKey: ['notification-preferences'],
    queryFn: ({ signal }) => api.get('/api/notification-preferences', { signal }),
  });

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesInput) => api.put('/api/notification-preferences', { body }),
    onSuccess: (data) => qc.setQueryData(['notification-preferences'], data),
  });
}

export type NotificationSend = Wire<Send>;

/** The admin's view of e-mail sends: by default the failed ones (given up after their retries, or cut off). */
export const useNotificationSends = (q: { status?: SendStatus; limit: number; offset: number }) =>
  useQuery({
    queryKey: ['notification-sends', q],
    queryFn: ({ signal }) => api.get('/api/notification-sends', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
