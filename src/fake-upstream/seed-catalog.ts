/**
 * Realistic value pools for the seed (section 7 of the contract). Read-only: the seed picks from them and never
 * writes to them.
 */

// prettier-ignore
export const FIRST_NAMES: readonly string[] = [
  'Aisha', 'Mateo', 'Priya', 'Jonas', 'Chen', 'Fatima', 'Lucas', 'Sofia', 'Kwame', 'Hana',
  'Diego', 'Emma', 'Ravi', 'Ingrid', 'Tomás', 'Yuki', 'Olivia', 'Arjun', 'Nadia', 'Samuel',
  'Leila', 'Marcus', 'Chloé', 'Kenji', 'Amara', 'Noah', 'Isabela', 'Omar', 'Freya', 'Wei',
  'Zanele', 'Ethan', 'Mei', 'Pedro', 'Anika', 'Liam', 'Zara', 'Mikhail', 'Grace', 'Tariq',
];

// prettier-ignore
export const LAST_NAMES: readonly string[] = [
  'Okafor', 'García', 'Sharma', 'Müller', 'Wang', 'Haddad', 'Silva', 'Rossi', 'Mensah', 'Tanaka',
  'Hernández', 'Johnson', 'Iyer', 'Larsen', 'Novak', 'Sato', 'Brown', 'Kapoor', 'Petrova', 'Cohen',
  'Nguyen', 'Dubois', 'Kim', 'Adeyemi', 'Martin', 'Costa', 'Ali', 'Schmidt', 'Chen', 'Dlamini',
  'Walker', 'Lin', 'Santos', 'Berg', "O'Brien", 'Fischer', 'Popescu', 'Yamamoto', 'Reyes', 'Khan',
];

// prettier-ignore
export const MEETING_NAMES: readonly string[] = [
  'Weekly Engineering Sync', 'Design Review', 'Customer Onboarding: Acme Corp', 'All Hands',
  'Sprint Planning', 'Support Office Hours', "Product Webinar: What's New", 'Interview Loop',
  'Quarterly Business Review', 'Incident Retro', 'Sales Pipeline Review', 'Community Town Hall',
];

export interface DeviceTemplate {
  readonly browser: 'Chrome' | 'Firefox' | 'Safari';
  readonly engine: 'Blink' | 'Gecko' | 'WebKit';
  readonly os: 'macOS' | 'Windows' | 'Android' | 'iOS' | 'Linux';
  readonly osVersions: readonly string[];
  readonly browserVersions: readonly string[];
  readonly isMobile: boolean;
  readonly cpus: readonly number[];
  readonly memory: readonly number[];
  readonly microphone: string;
  readonly camera: string;
  readonly speaker: string;
  readonly userAgent: (browserVersion: string, osVersion: string) => string;
}

const chromeMajor = (version: string): string => `${version.split('.')[0] ?? version}.0.0.0`;

export const DESKTOP_DEVICES: readonly DeviceTemplate[] = [
  {
    browser: 'Chrome',
    engine: 'Blink',
    os: 'macOS',
    osVersions: ['14.7.1', '15.6', '26.1'],
    browserVersions: ['142.0.7444.176', '143.0.7499.110'],
    isMobile: false,
    cpus: [8, 10, 12],
    memory: [8],
    microphone: 'MacBook Pro Microphone (Built-in)',
    camera: 'FaceTime HD Camera',
    speaker: 'MacBook Pro Speakers (Built-in)',
    userAgent: (bv) =>
      `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chromeMajor(bv)} Safari/537.36`,
  },
  {
    browser: 'Chrome',
    engine: 'Blink',
    os: 'Windows',
    osVersions: ['10', '11'],
    browserVersions: ['142.0.7444.176', '143.0.7499.110'],
    isMobile: false,
    cpus: [4, 8, 16],
    memory: [4, 8],
    microphone: 'Microphone Array (Realtek(R) Audio)',
    camera: 'Integrated Webcam (0bda:5520)',
    speaker: 'Speakers (Realtek(R) Audio)',
    userAgent: (bv) =>
      `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chromeMajor(bv)} Safari/537.36`,
  },
  {
    browser: 'Firefox',
    engine: 'Gecko',
    os: 'Windows',
    osVersions: ['10', '11'],
    browserVersions: ['145.0', '146.0.1'],
    isMobile: false,
    cpus: [4, 8],
    memory: [8],
    microphone: 'Headset Microphone (Jabra Evolve2 65)',
    camera: 'Logitech BRIO',
    speaker: 'Headset Earphone (Jabra Evolve2 65)',
    userAgent: (bv) =>
      `Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:${bv.split('.')[0] ?? bv}.0) Gecko/20100101 Firefox/${bv}`,
  },
  {
    browser: 'Firefox',
    engine: 'Gecko',
    os: 'Linux',
    osVersions: ['6.8', '6.11'],
    browserVersions: ['145.0', '146.0.1'],
    isMobile: false,
    cpus: [8, 16],
    memory: [8],
    microphone: 'Built-in Audio Analog Stereo',
    camera: 'Integrated Camera: Integrated C',
    speaker: 'Built-in Audio Analog Stereo',
    userAgent: (bv) =>
      `Mozilla/5.0 (X11; Linux x86_64; rv:${bv.split('.')[0] ?? bv}.0) Gecko/20100101 Firefox/${bv}`,
  },
  {
    browser: 'Safari',
    engine: 'WebKit',
    os: 'macOS',
    osVersions: ['15.6', '26.1'],
    browserVersions: ['26.0.1', '26.1'],
    isMobile: false,
    cpus: [8, 10],
    memory: [8],
    microphone: 'MacBook Air Microphone',
    camera: 'FaceTime HD Camera',
    speaker: 'MacBook Air Speakers',
    userAgent: (bv) =>
      `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${bv} Safari/605.1.15`,
  },
];

export const MOBILE_DEVICES: readonly DeviceTemplate[] = [
  {
    browser: 'Chrome',
    engine: 'Blink',
    os: 'Android',
    osVersions: ['14', '15', '16'],
    browserVersions: ['142.0.7444.171', '143.0.7499.92'],
    isMobile: true,
    cpus: [8],
    memory: [4, 8],
    microphone: 'Default',
    camera: 'camera2 1, facing front',
    speaker: 'Default',
    userAgent: (bv, ov) =>
      `Mozilla/5.0 (Linux; Android ${ov}; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chromeMajor(bv)} Mobile Safari/537.36`,
  },
  {
    browser: 'Safari',
    engine: 'WebKit',
    os: 'iOS',
    osVersions: ['18.7', '26.1'],
    browserVersions: ['18.7', '26.1'],
    isMobile: true,
    cpus: [6],
    memory: [4],
    microphone: 'iPhone Microphone',
    camera: 'Front Camera',
    speaker: 'iPhone Speaker',
    userAgent: (bv, ov) =>
      `Mozilla/5.0 (iPhone; CPU iPhone OS ${ov.replace('.', '_')} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${bv} Mobile/15E148 Safari/604.1`,
  },
];

export interface LocationTemplate {
  readonly country: string;
  readonly city: string;
  readonly region: string;
  readonly timezone: string;
  readonly latLon: string;
  readonly postalCode: string;
  readonly asn: string;
  readonly org: string;
  readonly domain: string;
  /** The first two octets of the announced /16 the peer's address comes from. */
  readonly prefix: readonly [number, number];
  readonly networkKind: 'isp' | 'business' | 'hosting';
  /** A mobile carrier, where 3g users come from. */
  readonly mobileCarrier: boolean;
}

// prettier-ignore
export const LOCATIONS: readonly LocationTemplate[] = [
  { country: 'US', city: 'San Francisco', region: 'California', timezone: 'America/Los_Angeles', latLon: '37.7749,-122.4194', postalCode: '94107', asn: 'AS7922', org: 'Comcast Cable Communications, LLC', domain: 'comcast.net', prefix: [73, 158], networkKind: 'isp', mobileCarrier: false },
  { country: 'US', city: 'New York', region: 'New York', timezone: 'America/New_York', latLon: '40.7128,-74.0060', postalCode: '10001', asn: 'AS701', org: 'Verizon Business', domain: 'verizon.com', prefix: [71, 190], networkKind: 'isp', mobileCarrier: false },
  { country: 'US', city: 'Ashburn', region: 'Virginia', timezone: 'America/New_York', latLon: '39.0438,-77.4874', postalCode: '20147', asn: 'AS14618', org: 'Amazon.com, Inc.', domain: 'amazon.com', prefix: [3, 85], networkKind: 'hosting', mobileCarrier: false },
  { country: 'GB', city: 'London', region: 'England', timezone: 'Europe/London', latLon: '51.5072,-0.1276', postalCode: 'EC1A', asn: 'AS2856', org: 'British Telecommunications PLC', domain: 'bt.com', prefix: [81, 129], networkKind: 'isp', mobileCarrier: false },
  { country: 'DE', city: 'Berlin', region: 'Berlin', timezone: 'Europe/Berlin', latLon: '52.5200,13.4050', postalCode: '10115', asn: 'AS3320', org: 'Deutsche Telekom AG', domain: 'telekom.de', prefix: [79, 200], networkKind: 'isp', mobileCarrier: false },
  { country: 'FR', city: 'Paris', region: 'Île-de-France', timezone: 'Europe/Paris', latLon: '48.8566,2.3522', postalCode: '75001', asn: 'AS3215', org: 'Orange S.A.', domain: 'orange.com', prefix: [90, 12], networkKind: 'isp', mobileCarrier: false },
  { country: 'IN', city: 'Bengaluru', region: 'Karnataka', timezone: 'Asia/Kolkata', latLon: '12.9716,77.5946', postalCode: '560001', asn: 'AS24560', org: 'Bharti Airtel Ltd.', domain: 'airtel.in', prefix: [122, 171], networkKind: 'isp', mobileCarrier: false },
  { country: 'IN', city: 'Mumbai', region: 'Maharashtra', timezone: 'Asia/Kolkata', latLon: '19.0760,72.8777', postalCode: '400001', asn: 'AS55836', org: 'Reliance Jio Infocomm Limited', domain: 'jio.com', prefix: [49, 36], networkKind: 'isp', mobileCarrier: true },
  { country: 'NG', city: 'Lagos', region: 'Lagos', timezone: 'Africa/Lagos', latLon: '6.5244,3.3792', postalCode: '100001', asn: 'AS29465', org: 'MTN Nigeria Communication Limited', domain: 'mtnnigeria.net', prefix: [102, 89], networkKind: 'isp', mobileCarrier: true },
  { country: 'BR', city: 'São Paulo', region: 'São Paulo', timezone: 'America/Sao_Paulo', latLon: '-23.5505,-46.6333', postalCode: '01000-000', asn: 'AS28573', org: 'Claro NXT Telecomunicacoes Ltda', domain: 'claro.com.br', prefix: [177, 34], networkKind: 'isp', mobileCarrier: true },
  { country: 'JP', city: 'Tokyo', region: 'Tokyo', timezone: 'Asia/Tokyo', latLon: '35.6762,139.6503', postalCode: '100-0001', asn: 'AS2516', org: 'KDDI CORPORATION', domain: 'kddi.com', prefix: [106, 130], networkKind: 'isp', mobileCarrier: false },
  { country: 'SG', city: 'Singapore', region: 'Singapore', timezone: 'Asia/Singapore', latLon: '1.3521,103.8198', postalCode: '018956', asn: 'AS9506', org: 'Singtel Fibre Broadband', domain: 'singtel.com', prefix: [116, 86], networkKind: 'isp', mobileCarrier: false },
  { country: 'AU', city: 'Sydney', region: 'New South Wales', timezone: 'Australia/Sydney', latLon: '-33.8688,151.2093', postalCode: '2000', asn: 'AS1221', org: 'Telstra Limited', domain: 'telstra.com', prefix: [120, 148], networkKind: 'isp', mobileCarrier: false },
  { country: 'CA', city: 'Toronto', region: 'Ontario', timezone: 'America/Toronto', latLon: '43.6532,-79.3832', postalCode: 'M5H', asn: 'AS812', org: 'Rogers Communications Canada Inc.', domain: 'rogers.com', prefix: [99, 228], networkKind: 'isp', mobileCarrier: false },
  { country: 'MX', city: 'Mexico City', region: 'Ciudad de México', timezone: 'America/Mexico_City', latLon: '19.4326,-99.1332', postalCode: '06000', asn: 'AS8151', org: 'UNINET', domain: 'telmex.com', prefix: [189, 146], networkKind: 'isp', mobileCarrier: false },
  { country: 'DE', city: 'Munich', region: 'Bavaria', timezone: 'Europe/Berlin', latLon: '48.1351,11.5820', postalCode: '80331', asn: 'AS8881', org: '1&1 Versatel Deutschland GmbH', domain: 'versatel.de', prefix: [62, 214], networkKind: 'business', mobileCarrier: false },
];

/** Where the fake's SFU lives: the remote end of every candidate pair. */
export const SFU_ADDRESSES: readonly string[] = [
  '162.159.207.14',
  '162.159.207.37',
  '104.30.144.12',
];

export const TURN_URL = 'turn:turn.cloudflare.com:3478?transport=udp';
export const SDK_VERSIONS: readonly string[] = ['1.2.1', '1.2.3', '1.3.0'];
