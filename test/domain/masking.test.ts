import { maskMobile } from '../../cloudfunctions/shared/domain/masking';

describe('maskMobile', () => {
  it('hides the middle four digits of a mobile number', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
  });

  it('hides everything of something that is not a mobile number rather than leak part of it', () => {
    expect(maskMobile('021-5888')).toBe('********');
    expect(maskMobile('')).toBe('');
  });
});
