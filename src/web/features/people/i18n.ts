import { defineStrings } from '../../i18n/define-strings';

export default defineStrings({
  vi: {
    title: 'Cán bộ',
    searchPlaceholder: 'Tìm theo họ tên, chức vụ (không cần dấu)',
    fullName: 'Họ và tên',
    positionTitle: 'Chức vụ',
    orgUnit: 'Đơn vị công tác',
    email: 'E-mail',
    phone: 'Điện thoại',
    demo: 'Dữ liệu mẫu',
    create: 'Thêm cán bộ',
    createTitle: 'Thêm cán bộ',
    editTitle: 'Sửa thông tin cán bộ',
    total: 'Tổng số {{count}} cán bộ',
  },
  en: {
    title: 'People',
    searchPlaceholder: 'Search name or position (diacritics optional)',
    fullName: 'Full name',
    positionTitle: 'Position',
    orgUnit: 'Org unit',
    email: 'E-mail',
    phone: 'Phone',
    demo: 'Demo data',
    create: 'Add person',
    createTitle: 'Add person',
    editTitle: 'Edit person',
    total: '{{count}} people',
  },
});
