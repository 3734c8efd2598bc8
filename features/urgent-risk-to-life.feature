Feature: Urgent risk to life
  Who it protects: a person whose life is at immediate risk, for whom waiting for paperwork,
  consultation or a referral could be fatal.
  Why: the police request form names protecting life as a purpose (Appendix 11), and the law lets
  what is necessary be shared at once under vital interests (UK GDPR Articles 6(1)(d) and 9(2)(c)),
  recorded afterwards (Appendix 2, questions 7 and 8). On this path, checks whose purpose is
  deliberation (consultation, proportionality, the originator's agreement) become things to do
  "as soon as the emergency allows"; checks that protect the person whatever the urgency (a secure
  route, evidence only on a formal request) stay as they are. Vital interests is not a basis for
  ordinary sharing.
  Clauses covered: Appendix 11 (A11), Appendix 2 questions 7, 8 and 9 (A2.Q7, A2.Q8, A2.Q9), 4.6,
  5.2, 7.2, 7.3, 7.4, 3.6, Appendix 8 (A8), Appendix 10 (A10).

  @clause-A11 @clause-A2.Q7 @clause-A2.Q8 @fires
  Scenario: With a life at risk, share what is necessary now and record it afterwards
    Given Warwickshire Police propose to share a vulnerable adult's health information with Rugby Borough Council
    And there is an urgent risk to someone's life
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A11
    And the reason cites clause A2.Q7
    And the reason cites clause A2.Q8
    And a condition is to share only what is needed to protect life, by the quickest secure route you have

  @clause-A11 @clause-A2.Q8 @does-not-fire
  Scenario: Without a risk to life, there is no emergency path
    Given Warwickshire Police propose to share a vulnerable adult's health information with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And clause A11 is not raised
    And clause A2.Q8 is not raised

  @clause-4.6 @fires
  Scenario: In an emergency the investigating officer is told afterwards, not asked first
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the information relates to an ongoing investigation
    And there is an urgent risk to someone's life
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 4.6
    And nobody needs to be asked first
    And afterwards the officer must tell the investigating officer as soon as you can

  @clause-5.2 @clause-A11 @fires
  Scenario: In an emergency vital interests is the lawful basis, recorded afterwards
    Given an ordinary lawful share
    And no lawful basis is given
    And there is an urgent risk to someone's life
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 5.2
    And the reason cites clause A11
    And afterwards the officer must record that basis

  @clause-7.4 @clause-A2.Q9 @fires
  Scenario: An emergency is no reason to send personal data insecurely
    Given an ordinary lawful share
    And there is an urgent risk to someone's life
    And it is sent by ordinary email
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 7.4
    And the reason cites clause A2.Q9
    And a condition is to send it by secure email

  @clause-7.2 @clause-A10 @clause-A11 @fires
  Scenario: An emergency is no route to evidence without a formal request
    Given Rugby Borough Council propose to share a victim's address with Warwickshire Police
    And there is an urgent risk to someone's life
    And the information is wanted as evidence for a prosecution
    And no formal request form has been made
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 7.2
    And the reason cites clause A10
    And the reason cites clause A11

  @clause-3.6 @fires
  Scenario: In an emergency an agency that has not signed is told first that the information is confidential
    Given Warwickshire Police propose to share a victim's address with an agency that has not signed the protocol
    And the power to share is the common law
    And there is an urgent risk to someone's life
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 3.6
    And a condition is to tell the recipient the information is confidential and only for protecting life

  @clause-A8 @clause-7.3 @fires
  Scenario: In an emergency what was said at the Channel Panel may be shared, and the Chief Officer of Police told
    Given Warwickshire County Council propose to share a vulnerable adult's address with Rugby Borough Council
    And the information was first shared at a Channel Panel
    And there is an urgent risk to someone's life
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A8
    And the reason cites clause 7.3
    And afterwards the officer must tell the Chief Officer of Police as soon as you can

  @clause-A11 @fires
  Scenario: Vital interests is not a basis for ordinary sharing
    Given an ordinary lawful share
    And the lawful basis is vital interests
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A11
    And the officer must refer to the Data Protection Officer
