Feature: Which data protection law applies
  Who it protects: the people the information is about, living or dead, and their families, whose
  information stays confidential whatever law governs it.
  Why: the protocol is written for the UK GDPR and the Data Protection Act 2018 (1.7, 5.2), but data
  protection law protects only the living (DPA 2018 s.3(2)), and the police, probation and prisons
  process for law enforcement under Part 3 of the Act, with its own conditions (Appendix 11 sets law
  enforcement apart from the GDPR). Information only about the dead is still shared on a need to know
  (Appendix 2 question 2) and kept confidential (4.4). Special category data needs a condition that
  serves it, not one meant for criminal offence data only (4.3).
  Clauses covered: 1.7, 2.1, 4.3, 5.2, Appendix 2 question 2 (A2.Q2), Appendix 11 (A11).

  @clause-1.7 @clause-A2.Q2 @fires
  Scenario: A police chronology about a victim who has died, for a domestic homicide review, is outside data protection law but stays confidential
    Given Warks Police propose to share a victim's health information with Rugby BC
    And it is shared at a Domestic Homicide Review Panel
    And everyone it is about has died
    And no lawful basis is given
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 1.7
    And the reason cites clause A2.Q2
    And a condition says no living person

  @clause-1.7 @does-not-fire
  Scenario: A victim whose death is not recorded is taken to be alive, so the share needs its lawful basis
    Given Warks Police propose to share a victim's address with Rugby BC
    And it is not recorded whether the victim has died
    And no lawful basis is given
    When the share is checked against the protocol
    Then the answer is do not share
    And clause 1.7 is not raised

  @clause-1.7 @fires
  Scenario: A council cannot take itself out of the UK GDPR by calling its share law enforcement
    Given Rugby BC proposes to share an offender's criminal record with Warks Police
    And it is shared for law enforcement under Part 3 of the Data Protection Act 2018
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 1.7
    And the officer must refer to the Data Protection Officer

  @clause-1.7 @clause-4.3 @does-not-fire
  Scenario: The police may share a suspect's health details with probation under Part 3 when its conditions are met
    Given Warks Police propose to share a suspect's health information with Warks Probation
    And it is shared for law enforcement under Part 3 of the Data Protection Act 2018
    And the health details are strictly necessary for it, under the Schedule 8 condition of administration of justice
    And an appropriate policy document covers it
    When the share is checked against the protocol
    Then the answer is share
    And clause 1.7 is not raised
    And clause 4.3 is not raised

  @clause-4.3 @clause-5.2 @fires
  Scenario: Health details under Part 3 without strict necessity, a Schedule 8 condition or a policy document are not shared
    Given Warks Police propose to share a suspect's health information with Warks Probation
    And it is shared for law enforcement under Part 3 of the Data Protection Act 2018
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 4.3
    And the reason cites clause 5.2

  @clause-2.1 @clause-A11 @fires
  Scenario: Under Part 3, a purpose that is not plainly law enforcement goes to the Data Protection Officer
    Given Warks Police propose to share an offender's criminal record with Warks Probation
    And it is shared for law enforcement under Part 3 of the Data Protection Act 2018
    And the purpose is to safeguard a vulnerable person
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 2.1
    And the reason cites clause A11
    And the officer must refer to the Data Protection Officer

  @clause-4.3 @clause-5.2 @fires
  Scenario: Health details do not rest on a Schedule 1 condition meant only for criminal offence data
    Given Warks Police propose to share a victim's health information with Rugby BC
    And the Schedule 1 condition is consent, for criminal offence data
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 4.3
    And the reason cites clause 5.2

  @clause-4.3 @clause-5.2 @does-not-fire
  Scenario: Health details may rest on the Schedule 1 condition of protecting the public
    Given Warks Police propose to share a victim's health information with Rugby BC
    And the Schedule 1 condition is protecting the public
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.3 is not raised
    And clause 5.2 is not raised

  @clause-4.3 @does-not-fire
  Scenario: A criminal record may rest on the Schedule 1 condition of legal claims
    Given Warks Police propose to share an offender's criminal record with Rugby BC
    And the Schedule 1 condition is legal claims, for criminal offence data
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.3 is not raised
