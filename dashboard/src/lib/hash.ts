// The digest of names and ids that must not change between builds: the backend's (slugs share it).
export { digest } from '../../../backend/common/digest.ts';
