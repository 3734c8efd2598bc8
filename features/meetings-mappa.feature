Feature: MAPPA meetings (Appendix 4)
  Who it protects: the public and victims at risk from the most dangerous offenders, and those
  offenders' own right to privacy, which a MAPPA meeting interferes with only where the risk
  justifies it.
  Why: Multi Agency Public Protection Arrangements meetings use the confidentiality statement of
  Appendix 4 (1.6). The meetings must not be recorded; their minutes are OFFICIAL-SENSITIVE and
  may not be printed, photocopied or shared outside the meeting without the chair's agreement.
  Clauses covered: Appendix 4 (A4), 1.6, 6.1, 7.3.

  @clause-A4 @clause-1.6 @clause-6.1 @fires
  Scenario: Sharing at a MAPPA meeting follows the Appendix 4 statement
    Given Warwickshire Police propose to share an offender's criminal record with the Probation Service
    And it is shared at a MAPPA meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A4
    And the reason cites clause 1.6
    And the reason cites clause 6.1
    And a condition is to make sure every attendee has signed the Appendix 4 declaration
    And a condition says the meeting must not be recorded
    And a condition says minutes are marked OFFICIAL-SENSITIVE and must not be printed or photocopied

  @clause-A4 @clause-7.3 @fires
  Scenario: What was said at a MAPPA meeting is passed on only with the chair's agreement
    Given Warwickshire Police propose to share an offender's address with Bromford Housing
    And the power to share is the common law
    And the information was first shared at a MAPPA meeting
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A4
    And the reason cites clause 7.3
    And the officer must refer to the meeting chair

  @clause-7.3 @does-not-fire
  Scenario: Discussing it again at the same MAPPA meeting is not passing it on
    Given Warwickshire Police propose to share an offender's criminal record with the Probation Service
    And the information was first shared at a MAPPA meeting
    And it is shared at a MAPPA meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And clause 7.3 is not raised

  @clause-A4 @does-not-fire
  Scenario: The same share at a MARAC meeting is not under the MAPPA statement
    Given Warwickshire Police propose to share an offender's criminal record with the Probation Service
    And it is shared at a MARAC meeting
    When the share is checked against the protocol
    Then clause A4 is not raised

  @clause-A4 @clause-7.3 @fires
  Scenario: MAPPA minutes the chair agreed to share go ahead once the agreement is recorded
    Given Warwickshire Police propose to share an offender's address with Bromford Housing
    And the power to share is the common law
    And the information was first shared at a MAPPA meeting
    And the chair of that meeting agreed to it being shared outside the meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A4
    And the reason cites clause 7.3
    And nobody needs to be asked first
    And a condition is to record who agreed, when, and what they agreed could be shared, and share only that
    And the answer rests on the reading that the chair's agreement lets meeting content go further, on a record of it
