/**
 * Validation of a pod's volumes (upstream's ValidateVolumes and validateVolumeSource): unique DNS-label names,
 * exactly one source per volume, and the checks of the commonly used sources. Messages are upstream's.
 */
import {
  forbidden,
  invalidValue,
  notSupported,
  required,
  duplicate,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import { Quantity } from '../../../../apimachinery/quantity.js';
import { recordOf, recordsOf, stringOf, type JsonRecord } from './json.js';
import { isConfigMapKey, validateDNS1123Label, validateFileMode } from './validation-common.js';
import { invalidEach } from '../../../../apimachinery/validation/names.js';

/**
 * The sources in the order upstream checks them, with the path segment its "more than 1 volume type" error uses
 * (upstream's own spelling, typos included, since clients compare messages).
 */
const SOURCES: ReadonlyArray<readonly [key: string, errorPath: string]> = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

const HOST_PATH_TYPES = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];

/** Paths may not step out of their volume (validatePathNoBacksteps). */
function validateNoBacksteps(target: string, path: FieldPath): FieldError[] {
  return target.split(/[\\/]/).includes('..') ? [invalidValue(path, target, "must not contain '..'")] : [];
}

/** A relative path inside the volume, not starting with `..` (ValidateLocalNonReservedPath). */
export function validateLocalNonReservedPath(target: string, path: FieldPath): FieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../'))
    errs.push(invalidValue(path, target, "must not start with '..'"));
  return errs;
}

/** A relative path without `..` elements (validateLocalDescendingPath). */
export function validateLocalDescendingPath(target: string, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (target.startsWith('/')) errs.push(invalidValue(path, target, 'must be a relative path'));
  errs.push(...validateNoBacksteps(target, path));
  return errs;
}

function validateKeyToPaths(items: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  recordsOf(items).forEach((kp, i) => {
    const p = path.index(i);
    const key = stringOf(kp.key);
    const target = stringOf(kp.path);
    if (!key) errs.push(required(p.child('key'), ''));
    if (!target) errs.push(required(p.child('path'), ''));
    errs.push(...validateLocalNonReservedPath(target, p.child('path')), ...validateFileMode(kp.mode, p.child('mode')));
  });
  return errs;
}

function validateDownwardAPIItems(items: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const file of recordsOf(items)) {
    const target = stringOf(file.path);
    if (!target) errs.push(required(path.child('path'), ''));
    errs.push(...validateLocalNonReservedPath(target, path.child('path')));
    const hasField = recordOf(file.fieldRef) !== undefined;
    const hasResource = recordOf(file.resourceFieldRef) !== undefined;
    if (hasField && hasResource) {
      errs.push(invalidValue(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
    } else if (!hasField && !hasResource) {
      errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
    }
    errs.push(...validateFileMode(file.mode, path.child('mode')));
  }
  return errs;
}

function validateProjected(src: JsonRecord, path: FieldPath): FieldError[] {
  const errs = validateFileMode(src.defaultMode, path.child('defaultMode'));
  recordsOf(src.sources).forEach((source, i) => {
    const sp = path.child('sources').index(i);
    let n = 0;
    for (const key of ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle']) {
      if (recordOf(source[key])) n++;
    }
    for (const key of ['secret', 'configMap']) {
      const s = recordOf(source[key]);
      if (!s) continue;
      if (!stringOf(s.name)) errs.push(required(sp.child(key, 'name'), ''));
      errs.push(...validateKeyToPaths(s.items, sp.child(key, 'items')));
    }
    const token = recordOf(source.serviceAccountToken);
    if (token) {
      const exp = typeof token.expirationSeconds === 'number' ? token.expirationSeconds : 0;
      const ep = sp.child('serviceAccountToken', 'expirationSeconds');
      if (exp < 600) errs.push(invalidValue(ep, exp, 'may not specify a duration less than 10 minutes'));
      if (exp > 2 ** 32) errs.push(invalidValue(ep, exp, 'may not specify a duration larger than 2^32 seconds'));
      if (!stringOf(token.path)) errs.push(required(path.child('path'), ''));
    }
    if (n > 1) errs.push(forbidden(sp, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}

function validateSource(key: string, src: JsonRecord, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  switch (key) {
    case 'emptyDir': {
      const limit = src.sizeLimit;
      if (typeof limit === 'string' || typeof limit === 'number') {
        try {
          if (Quantity.parse(String(limit)).sign() < 0) {
            errs.push(forbidden(path.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
          }
        } catch {
          errs.push(forbidden(path.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
        }
      }
      break;
    }
    case 'hostPath': {
      const target = stringOf(src.path);
      if (!target) return [required(path.child('path'), '')];
      errs.push(...validateNoBacksteps(target, path.child('path')));
      if (typeof src.type === 'string' && !HOST_PATH_TYPES.includes(src.type)) {
        errs.push(notSupported(path.child('type'), src.type, HOST_PATH_TYPES));
      }
      break;
    }
    case 'gitRepo':
      if (!stringOf(src.repository)) errs.push(required(path.child('repository'), ''));
      errs.push(...validateLocalDescendingPath(stringOf(src.directory), path.child('directory')));
      break;
    case 'secret':
      if (!stringOf(src.secretName)) errs.push(required(path.child('secretName'), ''));
      errs.push(
        ...validateFileMode(src.defaultMode, path.child('defaultMode')),
        ...validateKeyToPaths(src.items, path.child('items')),
      );
      break;
    case 'configMap':
      if (!stringOf(src.name)) errs.push(required(path.child('name'), ''));
      errs.push(
        ...validateFileMode(src.defaultMode, path.child('defaultMode')),
        ...validateKeyToPaths(src.items, path.child('items')),
      );
      break;
    case 'nfs': {
      const target = stringOf(src.path);
      if (!stringOf(src.server)) errs.push(required(path.child('server'), ''));
      if (!target) errs.push(required(path.child('path'), ''));
      if (!target.startsWith('/')) errs.push(invalidValue(path.child('path'), target, 'must be an absolute path'));
      break;
    }
    case 'persistentVolumeClaim':
      if (!stringOf(src.claimName)) errs.push(required(path.child('claimName'), ''));
      break;
    case 'downwardAPI':
      errs.push(
        ...validateFileMode(src.defaultMode, path.child('defaultMode')),
        ...validateDownwardAPIItems(src.items, path),
      );
      break;
    case 'projected':
      errs.push(...validateProjected(src, path));
      break;
    case 'csi':
      if (!stringOf(src.driver)) errs.push(required(path.child('driver'), ''));
      break;
    case 'ephemeral':
      if (!recordOf(src.volumeClaimTemplate)) errs.push(required(path.child('volumeClaimTemplate'), ''));
      break;
    case 'image':
      if (!stringOf(src.reference)) errs.push(required(path.child('reference'), ''));
      break;
  }
  return errs;
}

/** A volume's source: exactly one, then that source's own checks (validateVolumeSource). */
export function validateVolumeSource(volume: JsonRecord, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const [key, errorPath] of SOURCES) {
    const value = volume[key];
    if (value === undefined || value === null) continue;
    if (n > 0) {
      errs.push(forbidden(path.child(errorPath), 'may not specify more than 1 volume type'));
      continue;
    }
    n++;
    // Upstream validates two sources under a different child name than the field's.
    const childName = key === 'gcePersistentDisk' ? 'persistentDisk' : key;
    errs.push(...validateSource(key, recordOf(value) ?? {}, path.child(childName)));
  }
  if (n === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** The volumes of a pod spec; returns the valid volumes by name (for mount checks) and the errors. */
export function validateVolumes(
  volumes: unknown,
  path: FieldPath,
): { byName: Map<string, JsonRecord>; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const byName = new Map<string, JsonRecord>();
  recordsOf(volumes).forEach((vol, i) => {
    const p = path.index(i);
    const name = stringOf(vol.name);
    const el = validateVolumeSource(vol, p);
    if (!name) el.push(required(p.child('name'), ''));
    else el.push(...validateDNS1123Label(name, p.child('name')));
    if (byName.has(name)) el.push(duplicate(p.child('name'), name));
    if (el.length === 0) byName.set(name, vol);
    else errs.push(...el);
  });
  return { byName, errs };
}

/** A configMapKeyRef/secretKeyRef: a valid object name and a valid key (validateConfigMapKeySelector). */
export function validateKeySelector(
  sel: JsonRecord,
  path: FieldPath,
  nameMsgs: (name: string) => string[],
): FieldError[] {
  const errs = invalidEach(path.child('name'), stringOf(sel.name), nameMsgs(stringOf(sel.name)));
  const key = stringOf(sel.key);
  if (!key) errs.push(required(path.child('key'), ''));
  else errs.push(...invalidEach(path.child('key'), key, isConfigMapKey(key)));
  return errs;
}
