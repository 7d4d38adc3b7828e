// The public surface of this feature: other features and the app shell import only from here (eslint.config.js).
export { NotificationBell } from './notification-bell';
