import { NOT_MANAGER, posError } from '../../shared/contract';
import type { PosError } from '../../shared/contract';

/**
 * The store operations' refusals, in the IPC contract's PosError shape (code, message {ko, en}),
 * Korean first. None carries a PIN, a credential or a file path (DESIGN.md "Secrets").
 * docs/shell.md "Manager channels" lists the codes.
 */
export const storeOpsErrors = {
  notManager: (): PosError =>
    posError(
      NOT_MANAGER,
      '관리자 모드에서만 할 수 있습니다. 관리자 PIN으로 로그인하세요.',
      'Only in manager mode. Log in with the manager PIN.',
    ),
  cancellationNotFound: (): PosError =>
    posError('not-found', '취소 내역을 찾을 수 없습니다.', 'The cancellation was not found.'),
  notNeedsReview: (): PosError =>
    posError(
      'not-needs-review',
      '관리자 확인이 필요한 취소가 아닙니다. 이미 처리되었을 수 있습니다.',
      'This cancellation is not waiting for a manager; it may already be resolved.',
    ),
  importExpired: (): PosError =>
    posError(
      'import-expired',
      '미리보기가 만료되었습니다. 파일을 다시 선택해 미리보기를 확인하세요.',
      'The preview has expired. Choose the file again and check the preview.',
    ),
  importUnreadable: (): PosError =>
    posError(
      'unreadable',
      '파일을 읽을 수 없습니다. 다른 프로그램에서 열려 있지 않은지 확인하세요.',
      'The file cannot be read. Check that no other program holds it open.',
    ),
  importBusy: (): PosError =>
    posError(
      'import-busy',
      '다른 파일을 읽는 중입니다. 끝나거나 취소한 뒤 다시 고르세요.',
      'Another file is being read. Wait for it or cancel it, then choose again.',
    ),
  importUnavailable: (): PosError =>
    posError(
      'import-unavailable',
      '이 프로그램에서는 영수증을 가져올 수 없습니다. 프로그램을 다시 설치해 주세요.',
      'Receipts cannot be imported in this installation. Please reinstall the app.',
    ),
  csvNotWritten: (): PosError =>
    posError(
      'file-not-written',
      'CSV 파일을 저장하지 못했습니다. 다른 폴더를 고르거나 파일이 열려 있지 않은지 확인하세요.',
      'The CSV file could not be saved. Choose another folder, or close the file if it is open.',
    ),
  restartUnavailable: (): PosError =>
    posError(
      'restart-unavailable',
      '지금은 다시 시작할 수 없습니다. 프로그램을 닫고 다시 여세요.',
      'The app cannot restart itself now. Close it and open it again.',
    ),
};
