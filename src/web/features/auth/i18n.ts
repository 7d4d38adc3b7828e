import { defineStrings } from '../../i18n/define-strings';

export default defineStrings({
  vi: {
    loginTitle: 'Đăng nhập',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    loggedOut: 'Đã đăng xuất',
  },
  en: {
    loginTitle: 'Log in',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    loggedOut: 'Logged out',
  },
});
