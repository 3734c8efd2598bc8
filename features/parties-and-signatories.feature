Feature: Parties and signatories
  Who it protects: people whose information would otherwise reach an organisation that has not
  promised to handle it as the protocol requires.
  Why: the protocol binds the organisations that have signed it: the members of the Safer
  Warwickshire Partnership Board and the additional signatories (3.5, Appendices 12 and 13). An
  organisation that has not signed must receive specific handling instructions and sign a
  confidentiality agreement before it is given shared personal data (3.6, 6.2, Appendix 3).
  Section 115 of the Crime and Disorder Act 1998 is a power to disclose to a relevant authority
  only (4.1): the Act (section 115(2)) says who is one, by kind of organisation (police forces,
  councils, probation, integrated care boards), whether or not it has signed this protocol. The
  responsible authorities of 1.3 and 3.1 are all relevant authorities; an organisation whose kind
  is not known is not taken to be one.
  Clauses covered: 3.6, 6.2, Appendix 3 (A3), 4.1; and, for the organisations themselves,
  1.3, 1.4, 2.2, 3.1, 3.5, 8.1.

  @clause-3.6 @clause-6.2 @clause-A3 @fires
  Scenario: An agency that has not signed the protocol must sign the Appendix 3 agreement first
    Given Warwickshire Police propose to share a victim's address with an agency that has not signed the protocol
    And the power to share is the common law
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 3.6
    And the reason cites clause 6.2
    And the reason cites clause A3
    And a condition is to have the recipient's representatives sign the Appendix 3 confidentiality agreement
    And a condition is to give them a written instruction on how to handle and store the information

  @clause-3.6 @clause-6.2 @clause-A3 @does-not-fire
  Scenario: A recipient that has signed the protocol needs no further agreement
    Given Rugby Borough Council propose to share a victim's address with Warwickshire Police
    When the share is checked against the protocol
    Then the answer is share
    And clause 3.6 is not raised
    And clause 6.2 is not raised
    And clause A3 is not raised

  @clause-3.6 @fires
  Scenario: The Police and Crime Commissioner sits on the Board but has not signed the protocol
    Given Warwickshire Police propose to share a victim's address with the Police and Crime Commissioner
    And the power to share is the common law
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 3.6

  @clause-3.5 @clause-2.2 @clause-8.1 @fires
  Scenario: An organisation that has not signed cannot rely on the protocol to share
    Given an agency that has not signed the protocol proposes to share a victim's address with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 3.5
    And the reason cites clause 2.2
    And the reason cites clause 8.1
    And the officer must refer to their own Data Protection Officer

  @clause-3.5 @clause-2.2 @clause-8.1 @does-not-fire
  Scenario: A signatory known by a short name is still a signatory
    Given Warks Police propose to share a victim's address with Rugby BC
    When the share is checked against the protocol
    Then the answer is share
    And clause 3.5 is not raised
    And clause 2.2 is not raised
    And clause 8.1 is not raised

  @clause-4.1 @clause-1.3 @clause-3.1 @fires
  Scenario: Section 115 is not a power to disclose to a charity
    Given Warwickshire Police propose to share a victim's address with Refuge
    And the power to share is section 115 of the Crime and Disorder Act 1998
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 4.1
    And the reason cites clause 1.3
    And the reason cites clause 3.1
    And the officer must refer to the Data Protection Officer

  @clause-4.1 @clause-1.3 @clause-3.1 @does-not-fire
  Scenario: Section 115 covers a disclosure to a responsible authority
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the power to share is section 115 of the Crime and Disorder Act 1998
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.1 is not raised
    And clause 1.3 is not raised
    And clause 3.1 is not raised

  @clause-4.1 @clause-1.3 @clause-3.1 @does-not-fire
  Scenario: A council that has not signed the protocol is still a relevant authority
    Given Warwickshire Police propose to share a victim's address with a council that has not signed the protocol
    And the recipient is recorded as a council
    And the power to share is section 115 of the Crime and Disorder Act 1998
    When the share is checked against the protocol
    Then the answer is share with conditions
    And clause 4.1 is not raised
    And clause 1.3 is not raised
    And clause 3.1 is not raised
    And a condition is to have the recipient's representatives sign the Appendix 3 confidentiality agreement

  @clause-4.1 @clause-1.3 @clause-3.1 @fires
  Scenario: An organisation of unknown kind is not taken to be a relevant authority
    Given Warwickshire Police propose to share a victim's address with a council that has not signed the protocol
    And the power to share is section 115 of the Crime and Disorder Act 1998
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 4.1
    And the reason cites clause 1.3
    And the reason cites clause 3.1
    And the officer is told that its kind of organisation is not given
    And the officer must refer to the Data Protection Officer

  @clause-4.1 @clause-1.3 @clause-3.1 @fires
  Scenario: An NHS hospital trust is not a relevant authority, though it has signed the protocol
    Given Warwickshire Police propose to share a victim's address with South Warwickshire University NHS Foundation Trust
    And the power to share is section 115 of the Crime and Disorder Act 1998
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 4.1
    And the reason cites clause 1.3
    And the reason cites clause 3.1
    And the officer must refer to the Data Protection Officer

  @clause-4.1 @clause-1.3 @clause-3.1 @fires
  Scenario: The register's kind of organisation is used, not the one recorded with the share
    Given Warwickshire Police propose to share a victim's address with Refuge
    And the recipient is recorded as a council
    And the power to share is section 115 of the Crime and Disorder Act 1998
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 4.1
    And the reason cites clause 1.3
    And the reason cites clause 3.1

  @clause-4.1 @fires
  Scenario: At a meeting, section 115 to a charity's attendee is advice rather than a referral
    Given Warwickshire Police propose to share a victim's address with Refuge
    And it is shared at a Vulnerability meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the officer is advised, citing clause 4.1
    And nobody needs to be asked first

  @clause-1.4 @fires
  Scenario: Sharing inside one organisation is left to that organisation's own rules
    Given Warwickshire Police propose to share a victim's address with Warwickshire Police
    When the share is checked against the protocol
    Then the answer is share
    And the officer is advised, citing clause 1.4

  @clause-1.4 @does-not-fire
  Scenario: Sharing between two partners is a disclosure under the protocol
    Given an ordinary lawful share
    When the share is checked against the protocol
    Then clause 1.4 is not raised
