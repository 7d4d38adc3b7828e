import { fillPlaceholders } from './text.js';
/**
 * Why a request failed, as a stable code with its text in both languages: the one catalogue of business-rule
 * and validation messages. The server sends the code (`details.reason`, or `code` on a field issue) and the English
 * text as `message`; the web shows the text in the user's language. `{{name}}` is filled from the error's `params`.
 * A reason is reused wherever the meaning is the same; the field says which thing it is about.
 */
export const errorReasons = {
  // taken, exists
  CODE_TAKEN: { vi: 'Mã này đã được sử dụng', en: 'This code is already used' },
  USERNAME_TAKEN: { vi: 'Tên đăng nhập này đã được sử dụng', en: 'This username is taken' },
  TAX_CODE_TAKEN: { vi: 'Đã có doanh nghiệp với mã số thuế này', en: 'An enterprise with this tax code exists' },
  TEAM_NUMBER_TAKEN: { vi: 'Kế hoạch đã có đoàn số {{number}}', en: 'The plan has a team number {{number}}' },
  TARGET_TAKEN: { vi: 'Đoàn đã được giao kiểm tra đơn vị này', en: 'The team already inspects this unit' },
  FINDING_ALREADY_LINKED: { vi: 'Kết luận này đã được liên kết', en: 'This finding is already linked to it' },
  ASSESSMENT_EXISTS: {
    vi: 'Doanh nghiệp đã có bản đánh giá của năm này theo phiên bản bộ tiêu chí này',
    en: 'The enterprise already has an assessment for this year on this framework version',
  },
  LISTED_TWICE: { vi: 'Mục này đã có trong danh sách', en: 'This item is already listed' },
  PERSON_TWICE: { vi: 'Cán bộ này đã có trong danh sách', en: 'This person is already listed' },
  ONE_HEAD: { vi: 'Chỉ được có một người đứng đầu', en: 'There can be only one head' },
  TARGET_TWICE: {
    vi: 'Đã có chỉ tiêu cho đơn vị này trong năm này',
    en: 'Two targets for the same year and unit',
  },
  REPLACED_TWICE: { vi: 'Kết luận này đã được thay thế ở mục khác', en: 'Replaced twice' },
  ALREADY_ENROLLED: {
    vi: 'Doanh nghiệp đã tham gia chương trình hỗ trợ này',
    en: 'The enterprise is already enrolled in this support program',
  },
  NO_SUCH_ENTERPRISE: { vi: 'Không tìm thấy doanh nghiệp có mã số thuế này', en: 'No enterprise with this tax code' },

  // no such thing
  NO_SUCH_PROGRAM: { vi: 'Không tìm thấy chương trình', en: 'No such program' },
  NO_PROGRAM_YET: {
    vi: 'Chưa có chương trình nào: hãy tạo chương trình trước',
    en: 'There is no program yet: create a program first',
  },
  NO_SUCH_PLAN: { vi: 'Không tìm thấy kế hoạch trong chương trình này', en: 'No such plan in this program' },
  NO_SUCH_ORG_UNIT: { vi: 'Không tìm thấy đơn vị', en: 'No such org unit' },
  NO_SUCH_PERSON: { vi: 'Không tìm thấy cán bộ', en: 'No such person' },
  HEAD_NOT_IN_UNIT: {
    vi: 'Người đứng đầu phải là cán bộ của chính đơn vị này',
    en: 'The head must be a person of this unit',
  },
  NO_SUCH_USER: { vi: 'Không tìm thấy tài khoản', en: 'No such user' },
  NO_SUCH_FINDING: { vi: 'Không tìm thấy nội dung kết luận', en: 'No such finding' },
  NO_SUCH_INDICATOR: { vi: 'Không tìm thấy chỉ tiêu', en: 'No such indicator' },
  NO_SUCH_TASK: { vi: 'Không tìm thấy nhiệm vụ', en: 'No such task' },
  NOT_A_VERIFICATION_CODE: {
    vi: 'Mã xác thực gồm 12 ký tự (chữ và số), ví dụ 7K3M-9QF2-XA4B',
    en: 'A verification code has 12 letters and digits, e.g. 7K3M-9QF2-XA4B',
  },
  NO_SUCH_COMMUNE: { vi: 'Không tìm thấy xã, phường', en: 'No such commune' },
  NO_SUCH_INDUSTRY: { vi: 'Không có ngành cấp 2 này trong VSIC 2018', en: 'No such VSIC 2018 division' },
  NO_SUCH_FRAMEWORK_VERSION: {
    vi: 'Không tìm thấy phiên bản bộ tiêu chí đã ban hành',
    en: 'No such published framework version',
  },
  NO_SUCH_QUESTION: {
    vi: 'Câu hỏi không có trong phiên bản bộ tiêu chí này',
    en: 'No such question in this framework version',
  },
  NOT_IN_PLAN: { vi: 'Nội dung không thuộc kế hoạch này', en: 'Not a content area of this plan' },
  NOT_REPORT_INDICATOR: { vi: 'Chỉ tiêu không thuộc báo cáo này', en: 'Not an indicator of this report' },
  NOT_REPORT_TASK: { vi: 'Nhiệm vụ không thuộc báo cáo này', en: 'Not a task of this report' },
  NOT_CORRECTED_FINDING: {
    vi: 'Nội dung này không thuộc bản kết luận được đính chính',
    en: 'Not a finding of the version being corrected',
  },
  NOT_FILE_QUESTION: {
    vi: 'Phải là câu hỏi đính kèm tệp của phiên bản bộ tiêu chí này',
    en: 'Must be a file question of this framework version',
  },
  NOT_ENTERPRISE_ACCOUNT: {
    vi: 'Phải là tài khoản có vai trò doanh nghiệp',
    en: 'Must be an account with role enterprise',
  },
  NOT_A_SUCCESSOR: { vi: 'Phải là một trong: {{options}}', en: 'Must be one of {{options}}' },

  // dates, numbers and order
  DATE_BEFORE_START: {
    vi: 'Ngày kết thúc không được trước ngày bắt đầu',
    en: 'The end date must not be before the start date',
  },
  YEAR_BEFORE_START: {
    vi: 'Năm kết thúc không được trước năm bắt đầu',
    en: 'The end year must not be before the start year',
  },
  DATE_IN_FUTURE: { vi: 'Ngày không được sau ngày hôm nay', en: 'Must not be in the future' },
  DATE_BEFORE_CORRECTED: {
    vi: 'Không được trước ngày {{date}} của bản được đính chính',
    en: 'Must not be before {{date}}, the date of the version it corrects',
  },
  // an action against the inspection's schedule (src/shared/inspection-schedule.ts): allowed with a reason
  START_BEFORE_SCHEDULE: {
    vi: 'Kế hoạch dự kiến bắt đầu kiểm tra từ ngày {{date}}: cần ghi lý do bắt đầu sớm',
    en: 'The plan schedules the start on {{date}}: give the reason for starting early',
  },
  ISSUE_BEFORE_START: {
    vi: 'Cuộc kiểm tra bắt đầu ngày {{date}}, sau ngày ký kết luận: cần ghi lý do',
    en: 'The inspection started on {{date}}, after the conclusion date: give the reason',
  },
  ISSUE_BEFORE_SCHEDULED_END: {
    vi: 'Kế hoạch dự kiến kết thúc kiểm tra ngày {{date}}, sau ngày ký kết luận: cần ghi lý do',
    en: 'The plan schedules the end on {{date}}, after the conclusion date: give the reason',
  },
  YEARS_MUST_DIFFER: { vi: 'Hai năm so sánh phải khác nhau', en: 'Must differ from fromYear' },
  SUPPORT_PROGRAMS_UNAVAILABLE: {
    vi: 'Chưa có dữ liệu chương trình hỗ trợ để nhóm theo',
    en: 'Support programs are not available to group by',
  },
  AMBER_ABOVE_GREEN: {
    vi: 'Ngưỡng cảnh báo không được cao hơn ngưỡng đạt',
    en: 'Must not exceed greenPct',
  },
  WOULD_MAKE_CYCLE: {
    vi: 'Không thể chọn đơn vị cấp dưới của chính đơn vị này làm đơn vị cấp trên',
    en: 'Would make a cycle',
  },
  SUB_UNIT_OF_LEAD: {
    vi: 'Phải là đơn vị trực thuộc đơn vị chủ trì',
    en: 'Must be a sub-unit of the lead unit',
  },

  ESCALATION_ALWAYS_SENT: {
    vi: 'Không thể tắt thông báo cảnh báo quá hạn: chọn gửi ngay hoặc gửi tổng hợp hằng ngày',
    en: 'Escalations cannot be turned off: choose at once or the daily digest',
  },
  ESCALATION_DAYS_RANGE: { vi: 'Số ngày từ 1 đến 365', en: 'From 1 to 365 days' },

  // required, format
  REQUIRED: { vi: 'Vui lòng nhập thông tin này', en: 'Required' },
  NOT_EMPTY: { vi: 'Không được để trống', en: 'Must not be empty' },
  UUID: { vi: 'Vui lòng chọn từ danh sách', en: 'Must be a UUID' },
  ISO_DATE: { vi: 'Ngày không hợp lệ', en: 'Must be a date YYYY-MM-DD' },
  EMAIL: { vi: 'Địa chỉ e-mail không hợp lệ', en: 'Must be an e-mail address' },
  CODE_CHARS: { vi: 'Chỉ dùng chữ, số và các ký tự . _ - /', en: 'Letters, digits and . _ - / only' },
  PHONE_CHARS: {
    vi: 'Chỉ dùng chữ số, khoảng trắng và các ký tự + ( ) . -',
    en: 'Digits, spaces and + ( ) . - only',
  },
  UNKNOWN_FIELD: { vi: 'Trường này không được hỗ trợ', en: 'Unknown field' },
  // login from a page served over plain HTTP while the session cookie is Secure: the browser would drop it
  COOKIE_NEEDS_HTTPS: {
    vi: 'Không thể đăng nhập: trang đang mở qua HTTP không mã hóa nên trình duyệt sẽ bỏ cookie phiên (cờ Secure). Hãy mở trang bằng địa chỉ https://, hoặc báo quản trị hệ thống cấu hình HTTPS (hoặc đặt COOKIE_SECURE=false).',
    en: 'Cannot log in: this page is served over plain HTTP, so the browser would drop the Secure session cookie. Open the https:// address, or ask the administrator to serve it behind HTTPS (or set COOKIE_SECURE=false).',
  },
  INVALID_VALUE: { vi: 'Giá trị không hợp lệ', en: 'Invalid value' },
  SCHEMA_MISMATCH: { vi: 'Không đúng định dạng: {{detail}}', en: '{{detail}}' },
  TRUE_OR_FALSE: { vi: 'Phải là Có hoặc Không', en: 'Must be true or false' },
  MUST_BE_NUMBER: { vi: 'Phải là số', en: 'Must be a number' },
  MUST_BE_TEXT: { vi: 'Phải là văn bản', en: 'Must be text' },
  MUST_BE_YEAR: { vi: 'Năm không hợp lệ', en: 'Must be a year' },
  MIN_VALUE: { vi: 'Giá trị tối thiểu là {{min}}', en: 'Must be at least {{min}}' },
  MAX_VALUE: { vi: 'Giá trị tối đa là {{max}}', en: 'Must be at most {{max}}' },
  TOO_LONG: { vi: 'Tối đa {{max}} ký tự', en: 'Longer than {{max}} characters' },
  TWO_DECIMALS: { vi: 'Tối đa hai chữ số thập phân', en: 'At most two decimals' },
  TAX_CODE_FORMAT: {
    vi: 'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số + "-" + 3 chữ số',
    en: 'Must be 10 digits, or 10 digits + "-" + 3 digits',
  },
  TAX_CODE_CHECK_DIGIT: { vi: 'Mã số thuế sai chữ số kiểm tra', en: 'Wrong check digit' },
  FRAMEWORK_NOT_APPLICABLE: {
    vi: 'Bộ tiêu chí {{framework}} không áp dụng cho doanh nghiệp này ({{actual}}); chỉ áp dụng cho: {{allowed}}',
    en: 'The framework {{framework}} does not apply to this firm ({{actual}}); it applies to: {{allowed}}',
  },
  APPLICABILITY_OVERRIDE_UNNEEDED: {
    vi: 'Bộ tiêu chí đã áp dụng cho doanh nghiệp này: không cần lý do ngoại lệ',
    en: 'The framework applies to this firm: no override reason is needed',
  },
  FRAMEWORK_CODE: {
    vi: 'Mã bộ tiêu chí chỉ dùng chữ, số và các ký tự . _ -',
    en: 'Must be a framework code',
  },
  PASSWORD_TOO_SHORT: { vi: 'Mật khẩu tối thiểu 8 ký tự', en: 'Must be at least 8 characters' },
  USERNAME_CHARS: {
    vi: 'Chỉ dùng chữ thường không dấu, số và các ký tự . _ -',
    en: 'Lower-case letters, digits and . _ - only',
  },
  USERNAME_TOO_SHORT: { vi: 'Tên đăng nhập tối thiểu 3 ký tự', en: 'Must be at least 3 characters' },
  CODE_STARTS_WITH_LETTER: {
    vi: 'Chỉ dùng chữ, số, _ và ., bắt đầu bằng chữ',
    en: 'Letters, digits, _ and . only, starting with a letter',
  },
  SHORT_CODE: {
    vi: 'Từ 1 đến 40 ký tự: chữ, số, ".", "_" hoặc "-"',
    en: 'Must be 1–40 letters, digits, ".", "_" or "-"',
  },
  DOCUMENT_CODE: { vi: 'Số hiệu theo mẫu 07-CTr/TU', en: 'A code like 07-CTr/TU' },
  COMMUNE_CODE: {
    vi: 'Mã xã, phường có dạng HN.00004 hoặc HN.D001.00004',
    en: 'Must be a commune code like HN.00004 or HN.D001.00004',
  },
  VSIC_SECTION: { vi: 'Phải là chữ cái ngành cấp 1 VSIC 2018 (A–U)', en: 'Must be a VSIC 2018 section letter A–U' },
  VSIC_CODE: { vi: 'Mã ngành VSIC gồm 2 đến 5 chữ số', en: 'Must be a VSIC code of 2–5 digits' },
  HEAD_REQUIRED: { vi: 'Cần có người đứng đầu', en: 'A head is required' },
  UNKNOWN_LEVEL_SCHEME: { vi: 'Không có thang mức {{scheme}}', en: 'Unknown level scheme {{scheme}}' },
  FORMULA_UNKNOWN_CODES: {
    vi: 'Công thức dùng mã chỉ tiêu không có hoặc tự tham chiếu: {{codes}}',
    en: 'Unknown or self-referencing indicator codes: {{codes}}',
  },
  FORMULA_SYNTAX: { vi: 'Công thức sai cú pháp tại vị trí {{position}}', en: 'Formula error at position {{position}}' },

  // conditional requirements
  ORG_UNIT_REQUIRED_FOR_UNIT: { vi: 'Tài khoản đơn vị cần chọn đơn vị', en: 'Required for role unit' },
  TAX_CODE_REQUIRED: {
    vi: 'Vui lòng nhập mã số thuế khi lập đánh giá cho doanh nghiệp',
    en: 'Required when starting for an enterprise',
  },
  REASON_REQUIRED_TO_RETURN: {
    vi: 'Vui lòng ghi lý do khi trả lại',
    en: 'Required when returning',
  },
  QUARTER_FOR_QUARTERLY: {
    vi: 'Kỳ báo cáo quý cần chọn quý; kỳ báo cáo năm không chọn quý',
    en: 'Required for a quarterly round, absent for a yearly one',
  },
  ONE_OF_INDICATOR_TASK: {
    vi: 'Vui lòng chọn đúng một chỉ tiêu hoặc một nhiệm vụ',
    en: 'Give exactly one of indicatorId and taskId',
  },
  AT_LEAST_ONE_RECIPIENT: { vi: 'Cần ít nhất một nơi nhận', en: 'At least one recipient' },
  AT_LEAST_ONE_FINDING: { vi: 'Cần ít nhất một nội dung kết luận', en: 'At least one finding' },
  TOO_MANY_ANSWERS: { vi: 'Quá nhiều câu trả lời', en: 'Too many answers' },
  CAUSE_TYPE_REQUIRED: { vi: 'Vui lòng chọn loại nguyên nhân', en: 'Required for a cause' },
  CAUSE_TYPE_ONLY_FOR_CAUSE: { vi: 'Chỉ nguyên nhân mới có loại nguyên nhân', en: 'Only a cause has a cause type' },
  ASSIGNMENT_REQUIRED: {
    vi: 'Bắt buộc với biện pháp khắc phục hoặc kiến nghị',
    en: 'Required for a remedy or recommendation',
  },
  ASSIGNMENT_ONLY: {
    vi: 'Chỉ biện pháp khắc phục hoặc kiến nghị mới có thông tin này',
    en: 'Only a remedy or recommendation has this',
  },
  NO_UNIT_TO_ASK: {
    vi: 'Chưa có đơn vị nào để yêu cầu báo cáo: vui lòng chọn đơn vị, hoặc giao đơn vị chịu trách nhiệm cho chỉ tiêu và nhiệm vụ trước',
    en: 'No unit to ask: name the units, or give indicators and tasks responsible units first',
  },
  RECEIVED_ON_SECRETARIAT_ONLY: {
    vi: 'Chỉ Văn phòng (bộ phận thường trực) ghi ngày nhận báo cáo giấy',
    en: 'Only the secretariat records the date a paper report was received',
  },
  NEWER_PUBLISHED_VERSION: {
    vi: 'Phải là phiên bản đã ban hành của {{framework}} mới hơn phiên bản {{version}}',
    en: 'Must be a published version of {{framework}} newer than {{version}}',
  },
  INDUSTRY_NOT_IN_SECTOR: {
    vi: 'Ngành này thuộc ngành cấp 1 {{section}}, không phải {{sector}}',
    en: 'Belongs to section {{section}}, not {{sector}}',
  },
  UPLOAD_THROUGH_EVIDENCE: {
    vi: 'Vui lòng tải tệp lên qua mục minh chứng',
    en: 'Upload the file through /evidence',
  },

  // state: the thing cannot change now
  REPORT_APPROVED: {
    vi: 'Báo cáo đã được duyệt: muốn thay đổi, vui lòng lập bản điều chỉnh có nêu lý do',
    en: 'This report is approved: change it through a revision with a reason',
  },
  REPORT_UNDER_REVIEW: { vi: 'Báo cáo đang chờ duyệt, không thể sửa', en: 'This report is under review' },
  EVIDENCE_WHILE_DRAFT: {
    vi: 'Chỉ bổ sung minh chứng khi báo cáo đang soạn hoặc bị trả lại',
    en: 'Evidence is added while the report is a draft or returned',
  },
  FOLLOW_UP_ACCEPTED: {
    vi: 'Việc thực hiện kết luận này đã được công nhận, không thể sửa',
    en: 'This follow-up has been accepted',
  },
  FOLLOW_UP_WITHDRAWN: {
    vi: 'Yêu cầu này đã bị thu hồi theo kết luận đính chính',
    en: 'This follow-up was withdrawn by a corrected conclusion',
  },
  NOT_ISSUED_YET: {
    vi: 'Chỉ công khai được sau khi kết luận đã ban hành',
    en: 'Only an issued conclusion can be published',
  },
  NOT_PUBLISHED: {
    vi: 'Kết luận này hiện không được công khai',
    en: 'This conclusion is not published',
  },
  FOLLOW_UPS_OPEN: {
    vi: 'Tất cả các yêu cầu thực hiện kết luận phải hoàn thành và được công nhận trước khi kết thúc',
    en: 'Every follow-up must be done and accepted before closing',
  },
  ONLY_ISSUED_CORRECTED: {
    vi: 'Chỉ đính chính được kết luận đã ban hành',
    en: 'Only an issued conclusion can be corrected',
  },
  CHANGED_MEANWHILE: {
    vi: 'Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại rồi thử lại',
    en: 'It changed meanwhile',
  },
  PDF_ONLY_ISSUED: {
    vi: 'Chỉ kết luận đã ban hành mới có bản PDF',
    en: 'Only an issued conclusion has a PDF',
  },
  PDF_CONVERTER_MISSING: {
    vi: 'Máy chủ chưa cài bộ chuyển đổi PDF',
    en: 'The server has no PDF converter installed',
  },
  PDF_CONVERSION_FAILED: {
    vi: 'Không tạo được bản PDF. Vui lòng thử lại sau hoặc báo quản trị hệ thống',
    en: 'The PDF could not be made. Try again later or tell the administrator',
  },
  NO_DRAFT_CONCLUSION: { vi: 'Chưa có dự thảo kết luận', en: 'There is no draft conclusion yet' },
  CONCLUSION_ISSUED: {
    vi: 'Kết luận đã ban hành, nội dung không thể thay đổi',
    en: 'The conclusion is issued: its content cannot change',
  },
  INSPECTION_NOT_IN_PROGRESS: {
    vi: 'Cuộc kiểm tra không ở trạng thái đang tiến hành',
    en: 'The inspection is not in progress',
  },
  FINDING_ISSUED: {
    vi: 'Nội dung này thuộc kết luận đã ban hành, không thể sửa',
    en: 'This finding belongs to an issued conclusion',
  },
  FOLLOW_UP_EVIDENCE: {
    vi: 'Minh chứng thực hiện kết luận được quản lý cùng yêu cầu thực hiện',
    en: 'Follow-up evidence stays with its follow-up',
  },
  RESPONSE_WHILE_SHARED: {
    vi: 'Đơn vị chỉ phản hồi khi dự thảo kết luận đang được gửi lấy ý kiến',
    en: 'The unit responds while the draft conclusion is shared',
  },
  INSPECTIONS_STARTED: {
    vi: 'Đoàn đã có cuộc kiểm tra đang tiến hành',
    en: 'The team has inspections under way',
  },
  HOLDS_EVIDENCE: { vi: 'Đã có tệp minh chứng, không thể xoá', en: 'It holds evidence files' },
  WINDOW_FIXED: {
    vi: 'Cuộc kiểm tra đã bắt đầu, không thể đổi thời gian',
    en: 'The window of a started inspection is fixed',
  },
  INSPECTION_NOT_REMOVABLE: {
    vi: 'Cuộc kiểm tra đã bắt đầu, không thể xoá',
    en: 'A started inspection cannot be removed',
  },
  CONTENT_AREA_IN_USE: {
    vi: 'Nội dung "{{title}}" đã có đánh giá hoặc kết luận, không thể xoá',
    en: 'Content area "{{title}}" has assessments or findings and cannot be removed',
  },
  ASSESSMENT_NOT_EDITABLE: {
    vi: 'Bản đánh giá đã nộp, không thể sửa',
    en: 'This assessment is no longer editable',
  },
  VERSION_FIXED: {
    vi: 'Phiên bản {{version}} của {{framework}} đã ban hành, không thể thay đổi; vui lòng nhập thành phiên bản mới',
    en: 'Version {{version}} of {{framework}} cannot change; import it as a new version',
  },

  INSPECTION_NO_LONGER_PLANNED: {
    vi: 'Cuộc kiểm tra không còn ở trạng thái kế hoạch, không thể xoá',
    en: 'The inspection is no longer planned and cannot be removed',
  },

  // requests: text, versions, retries, filters
  PLAIN_TEXT: {
    vi: 'Không được chứa ký tự điều khiển hoặc ký tự Unicode lỗi',
    en: 'Must not contain control characters or broken Unicode',
  },
  IDEMPOTENCY_KEY_FORMAT: {
    vi: 'Khoá Idempotency-Key phải gồm 1 đến 200 ký tự ASCII in được',
    en: 'Must be 1 to 200 printable ASCII characters',
  },
  IF_MATCH_FORMAT: { vi: 'Phải là ETag của bản ghi, ví dụ "3"', en: 'Must be the ETag of the record, e.g. "3"' },
  IF_MATCH_DIFFERS: { vi: 'Khác với phiên bản gửi trong nội dung', en: 'Differs from body.version' },
  ONE_PLACE: {
    vi: 'Lọc theo một xã, phường hoặc theo một quận, huyện, không lọc cả hai',
    en: 'Filter by a commune or by a district, not both',
  },
  ONE_COMMUNE_CODE: { vi: 'Chỉ chọn một mã xã, phường', en: 'Must be one commune code' },
  ONE_DISTRICT_CODE: { vi: 'Chỉ chọn một mã quận, huyện', en: 'Must be one district code' },
  CLASSIFICATION_BY_SECRETARIAT: {
    vi: 'Ngành, số lao động, doanh thu và nguồn vốn do Tổ giúp việc cập nhật sau khi kiểm tra',
    en: 'Sector, employees, revenue and capital are changed by the secretariat, after checking',
  },
  WRONG_CURRENT_PASSWORD: { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },

  // files
  IMPORT_INTERRUPTED: {
    vi: 'Máy chủ đang chạy lần nhập này đã dừng đột ngột và không còn tệp để tiếp tục: hãy tải tệp lên lại (các lô đã ghi được giữ, lần nhập tiếp tục từ chỗ dừng)',
    en: 'The server running this import stopped and its file is not kept: upload the file again (committed batches are kept; the import resumes where it stopped)',
  },
  MULTIPART_UNREADABLE: {
    vi: 'Không đọc được tệp gửi lên (yêu cầu multipart bị thiếu hoặc bị cắt ngang); vui lòng gửi lại',
    en: 'Not a readable multipart/form-data body (no boundary, or cut short)',
  },
  FILE_NAME_PLAIN_TEXT: {
    vi: 'Tên tệp không được chứa ký tự điều khiển hoặc ký tự Unicode lỗi',
    en: 'The file name must not contain control characters or broken Unicode',
  },
  FILE_NAME_TOO_LONG: { vi: 'Tên tệp dài quá {{max}} ký tự', en: 'The file name is longer than {{max}} characters' },
  ZIP_UNREADABLE: {
    vi: 'Không đọc được tệp XLSX/DOCX (ZIP): {{why}}',
    en: 'Not a readable XLSX/DOCX (ZIP) file: {{why}}',
  },
  FILE_MISSING: { vi: 'Vui lòng chọn một tệp', en: 'Send one file as multipart/form-data field "file"' },
  FILE_EMPTY: { vi: 'Tệp rỗng', en: 'The file is empty' },
  FILE_CSV_XLSX: { vi: 'Chỉ nhận tệp .csv hoặc .xlsx', en: 'Must be a .csv or .xlsx file' },
  FILE_TOO_LARGE_TO_UPLOAD: {
    vi: 'Tệp vượt quá dung lượng cho phép tải lên; vui lòng nhập bằng lệnh npm run import',
    en: 'The file is larger than the upload limit; use npm run import',
  },
  FILE_TYPE_NOT_ACCEPTED: {
    vi: 'Chỉ nhận tệp PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX có phần mở rộng đúng với nội dung',
    en: 'Accepted: PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX whose extension matches the content',
  },
  XLSX_UNREADABLE: { vi: 'Không đọc được tệp XLSX', en: 'Not a readable XLSX workbook' },
  XLSX_WRONG_TEMPLATE: {
    vi: 'Tệp không phải mẫu của báo cáo này: vui lòng tải mẫu về lại',
    en: 'This workbook is not the template of this report: download the template again',
  },
  SHEET_MISSING: { vi: 'Thiếu trang tính', en: 'Sheet missing' },
  UNKNOWN_INDICATOR_CODE: { vi: 'Không có chỉ tiêu mã "{{code}}"', en: 'Unknown indicator code "{{code}}"' },
  UNKNOWN_TASK_CODE: { vi: 'Không có nhiệm vụ mã "{{code}}"', en: 'Unknown task code "{{code}}"' },
  INDICATOR_TWICE: { vi: 'Chỉ tiêu bị liệt kê hai lần', en: 'Indicator listed twice' },
  TASK_TWICE: { vi: 'Nhiệm vụ bị liệt kê hai lần', en: 'Task listed twice' },
  TASK_STATUS_OPTIONS: { vi: 'Phải là một trong: {{options}}', en: 'One of: {{options}}' },
  WHOLE_PERCENT: { vi: 'Phải là số nguyên từ 0 đến 100', en: 'A whole number from 0 to 100' },
  WHOLE_VND: { vi: 'Phải là số tiền nguyên, không âm (đồng)', en: 'A whole, non-negative amount of VND' },

  // objectivity warnings on an inspection plan (not errors: shown beside the team or target)
  MEMBER_FROM_TARGET: {
    vi: '{{team}} kiểm tra {{target}} nhưng có thành viên {{person}} thuộc {{memberUnit}}, là đơn vị được kiểm tra hoặc đơn vị trực thuộc.',
    en: '{{team}} inspects {{target}}, yet its member {{person}} comes from {{memberUnit}}, the inspected unit or a unit under it.',
  },
  TARGET_WINDOW_OVERLAP: {
    vi: '{{firstTarget}} được kiểm tra trùng thời gian: {{firstTeam}} ({{firstPlan}}) {{firstWindow}} và {{secondTeam}} ({{secondPlan}}) {{secondWindow}}.',
    en: '{{firstTarget}} is inspected twice at the same time: {{firstTeam}} ({{firstPlan}}) {{firstWindow}} and {{secondTeam}} ({{secondPlan}}) {{secondWindow}}.',
  },
  PERSON_WINDOW_OVERLAP: {
    vi: '{{person}} tham gia hai cuộc kiểm tra trùng thời gian: {{firstTarget}} ({{firstWindow}}) và {{secondTarget}} ({{secondWindow}}).',
    en: '{{person}} is on two inspections at the same time: {{firstTarget}} ({{firstWindow}}) and {{secondTarget}} ({{secondWindow}}).',
  },

  // DX answers
  ANSWER_OPTION: { vi: 'Phải là mã một phương án', en: 'Must be an option code' },
  ANSWER_ONE_OF: { vi: 'Phải là một trong: {{options}}', en: 'Must be one of {{options}}' },
  ANSWER_OPTION_LIST: { vi: 'Phải là danh sách mã phương án', en: 'Must be a list of option codes' },
  ANSWER_REPEATED_OPTION: { vi: 'Không được chọn trùng phương án', en: 'Must not repeat an option' },
  ANSWER_UNKNOWN_OPTION: { vi: 'Không có phương án {{option}}', en: 'Unknown option {{option}}' },

  // DX framework definitions
  LEVELS_UNIQUE: { vi: 'Các mức không được trùng nhau', en: 'Levels must be unique' },
  LEVEL_UNNAMED: { vi: 'Mức này chưa có tên trong levelNames', en: 'Level has no name in levelNames' },
  BANDS_ASCEND_LEVEL: {
    vi: 'Các khoảng phải tăng dần theo abovePercent và mức',
    en: 'Bands must ascend by abovePercent and level',
  },
  BANDS_ASCEND_FROM: { vi: 'Các khoảng phải tăng dần theo from', en: 'Bands must ascend by from' },
  PILLARS_SAME_MAX: {
    vi: 'Quy tắc trung bình cần mọi trụ cột có cùng maxPoints',
    en: 'The mean rule needs every pillar on the same maxPoints',
  },
  NODE_EMPTY: { vi: 'Mỗi nhóm cần có nhóm con hoặc câu hỏi', en: 'A node needs children or questions' },
  WEIGHT_OUTSIDE_WEIGHTED: {
    vi: 'Trọng số chỉ dùng trong nhóm tính theo trọng số',
    en: 'Weight only applies inside a weighted node',
  },
  SHOW_IF_EARLIER: { vi: 'Phải là câu hỏi đứng trước', en: 'Must name a question defined earlier' },
  SHOW_IF_OPTION: {
    vi: 'Phải là một phương án của câu hỏi nhiều lựa chọn',
    en: 'Must be an option of a multi question',
  },
  INDUSTRY_QUESTION: {
    vi: 'Phải là mã một câu hỏi chọn một, thuộc phần chung (không ẩn theo ngành hay điều kiện)',
    en: 'Must name a single-choice question of the common set (not hidden by industry or a condition)',
  },
  INDUSTRY_QUESTION_MISSING: {
    vi: 'Dùng ngành thì bộ tiêu chí phải khai báo industryQuestion',
    en: 'Industries need the framework’s industryQuestion',
  },
  UNKNOWN_INDUSTRY: {
    vi: 'Ngành {{industry}} không phải lựa chọn của câu hỏi ngành',
    en: 'The industry {{industry}} is not an option of the industry question',
  },
  NORMALISED_SUM_ONLY: {
    vi: 'Bộ tiêu chí chuẩn hoá (0–100) chỉ cộng điểm (sum), không dùng trọng số',
    en: 'A normalised (0–100) framework adds points up (sum); no weighted nodes',
  },
  CATALOGUE_NORMALISED_ONLY: {
    vi: 'Câu hỏi danh mục công cụ chỉ dùng trong bộ tiêu chí chuẩn hoá (overall: normalised)',
    en: 'Catalogue questions need a normalised framework (overall: normalised)',
  },
  TOOL_DEPENDS_ON: {
    vi: 'Phải là mã một công cụ khác trong cùng danh mục',
    en: 'Must name another tool of the same catalogue',
  },
  ANSWER_CATALOGUE_ENTRY: {
    vi: 'Mỗi mục có dạng công_cụ:mức hoặc công_cụ:mức:integrated, mỗi công cụ một lần',
    en: 'Each entry is tool:level or tool:level:integrated, each tool once',
  },
  ANSWER_TOOL_INDUSTRY: {
    vi: 'Công cụ {{option}} không có trong danh mục của ngành đã chọn',
    en: 'The tool {{option}} is not in the chosen industry’s catalogue',
  },
  SHOW_IF_MIN: { vi: 'Chỉ dùng cho câu hỏi dạng số hoặc tỷ lệ', en: 'Only for number or ratio questions' },
  OPTIONS_UNIQUE: { vi: 'Mã phương án không được trùng nhau', en: 'Option codes must be unique' },
  MIN_ABOVE_MAX: { vi: 'min không được lớn hơn max', en: 'min must not exceed max' },
  MAX_POINTS_SUM: {
    vi: 'maxPoints là {{maxPoints}} nhưng tổng các phần là {{sum}}',
    en: 'Is {{maxPoints}} but the parts add up to {{sum}}',
  },
  MAX_POINTS_REQUIRED: { vi: 'Cần có maxPoints', en: 'maxPoints is required here' },
  // a row of an imported file
  IMPORT_COLUMN_MISSING: { vi: 'Thiếu cột này ở dòng tiêu đề', en: 'Column missing from the header row' },
  IMPORT_SAME_TAX_CODE: { vi: 'Trùng mã số thuế với dòng {{row}}', en: 'The same tax code as row {{row}}' },
  IMPORT_TOO_MANY_ROWS: { vi: 'Tệp có hơn {{max}} dòng', en: 'More than {{max}} rows' },
  IMPORT_NOT_A_NUMBER: { vi: 'Phải là một số', en: 'Must be a number' },
  IMPORT_NOT_YES_NO: {
    vi: 'Phải là có hoặc không (có/không, true/false, 1/0)',
    en: 'Must be yes or no (true/false, có/không, 1/0)',
  },
  IMPORT_NOT_A_QUESTION: {
    vi: 'Không phải câu hỏi của phiên bản bộ tiêu chí này',
    en: 'Not a question of this framework version',
  },
  IMPORT_YEAR: { vi: 'Năm phải từ 2000 đến 2100', en: 'Must be a year 2000–2100' },
  IMPORT_TAX_CODE_FORMAT: {
    vi: 'Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số-3 chữ số',
    en: 'Must be 10 digits or 10 digits-3 digits',
  },
  IMPORT_NO_VERSION: {
    vi: 'Bộ tiêu chí {{framework}} không có phiên bản {{version}} đã công bố',
    en: 'No published version {{version}} of framework {{framework}}',
  },
  IMPORT_NO_ENTERPRISE: {
    vi: 'Chưa có doanh nghiệp với mã số thuế này (hãy nhập danh sách doanh nghiệp trước)',
    en: 'No enterprise with this tax code (import enterprises first)',
  },
  IMPORT_ENTERED_ON_WEB: {
    vi: 'Doanh nghiệp đã có bản đánh giá năm này theo phiên bản này, nhập trên web: không ghi đè',
    en: 'The enterprise already has an assessment for this year on this version, entered on the web',
  },
  IMPORT_NO_VSIC_DIVISION: { vi: 'Không có ngành cấp 2 này trong VSIC 2018', en: 'No such VSIC 2018 division' },
  IMPORT_VSIC_SECTION: {
    vi: 'Ngành thuộc khu vực {{section}}, không phải {{sector}}',
    en: 'Belongs to section {{section}}, not {{sector}}',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

/** A stable reason code. Helpers that build errors accept only these, so a new prose message fails `tsc`. */
export type ErrorReason = keyof typeof errorReasons;
export type ReasonLang = 'vi' | 'en';
export type ReasonParams = Record<string, string | number>;

/** A reason with the values its text names: what rule functions return and field issues carry. */
export interface Reasoned {
  reason: ErrorReason;
  params?: ReasonParams;
}

export const isErrorReason = (value: unknown): value is ErrorReason =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorReasons, value);

/** The reason's text in `lang`, `{{name}}` filled from `params` (a missing value stays as `{{name}}`). */
export function reasonText(reason: ErrorReason, lang: ReasonLang, params: ReasonParams = {}): string {
  return fillPlaceholders(errorReasons[reason][lang], params);
}

/** A reason as a zod schema's message (`.min(1, because('NOT_EMPTY'))`): the type keeps it a known reason. */
export const because = (reason: ErrorReason): string => reason;
