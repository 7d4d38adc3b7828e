import dayjs from 'dayjs';
import 'dayjs/locale/vi';

/** dayjs drives antd's date pickers, which only pages after login show: loaded with them, not on the login page. */
export function setDayjsLocale(language: string) {
  dayjs.locale(language === 'en' ? 'en' : 'vi');
}
